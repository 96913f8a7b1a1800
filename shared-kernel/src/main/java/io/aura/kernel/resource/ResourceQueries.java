package io.aura.kernel.resource;

import java.util.Objects;

public final class ResourceQueries {
    private ResourceQueries() {}

    public record ListResources() {}

    public record FindResource(String resourceId) {}

    /**
     * A resource as people see it: what its administrator declared ({@code spec}) and the Outlook
     * room mailbox linked to it ({@code externalCalendar}, null when none is).
     */
    public record ResourceView(String id, ResourceSpec spec, String externalCalendar) {

        public ResourceView {
            Objects.requireNonNull(spec, "spec");
        }

        /** A resource just registered: no external calendar is linked yet. */
        public static ResourceView of(String id, ResourceSpec spec) {
            return new ResourceView(id, spec, null);
        }
    }
}
