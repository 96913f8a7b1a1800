package io.aura.kernel.resource;

import java.util.Objects;

public final class ResourceQueries {
    private ResourceQueries() {}

    /** The resources, by name; retired ones only when {@code includeRetired} (administration). */
    public record ListResources(boolean includeRetired) {
        /** The resources people can book: retired ones left out. */
        public ListResources() {
            this(false);
        }
    }

    public record FindResource(String resourceId) {}

    /**
     * A resource as people see it: what its administrator declared ({@code spec}), the Outlook room
     * mailbox linked to it ({@code externalCalendar}, null when none is) and whether it was retired
     * (it then takes no new bookings).
     */
    public record ResourceView(String id, ResourceSpec spec, String externalCalendar, boolean retired) {

        public ResourceView {
            Objects.requireNonNull(spec, "spec");
        }

        /** A resource in service. */
        public ResourceView(String id, ResourceSpec spec, String externalCalendar) {
            this(id, spec, externalCalendar, false);
        }

        /** A resource just registered: no external calendar is linked yet. */
        public static ResourceView of(String id, ResourceSpec spec) {
            return new ResourceView(id, spec, null);
        }
    }
}
