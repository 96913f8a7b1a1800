package io.aura.query.resource;

import io.aura.kernel.resource.ResourceEvents.ResourceChanged;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceQueries.ResourceView;

/**
 * A resource's view, event by event: each function returns the next view. Pure, so every store
 * keeps what the same fold computed, and a redelivered event computes the same view again.
 */
public final class ResourceViewFold {
    private ResourceViewFold() {}

    /** A registration (again: a new spec) replaces the whole view; no external calendar is linked yet. */
    public static ResourceView registered(ResourceRegistered e) {
        return ResourceView.of(e.resourceId(), e.spec());
    }

    /** An edit replaces the spec; the linked mailbox and whether it is retired stay. */
    public static ResourceView changed(ResourceView v, ResourceChanged e) {
        return new ResourceView(v.id(), e.spec(), v.externalCalendar(), v.retired());
    }

    /** Retired: kept, so its bookings still name it, but listed for booking no more. */
    public static ResourceView retired(ResourceView v) {
        return new ResourceView(v.id(), v.spec(), v.externalCalendar(), true);
    }

    /** The linked Outlook mailbox, or none ({@code mailbox} null) once unlinked. */
    public static ResourceView externalCalendar(ResourceView v, String mailbox) {
        return new ResourceView(v.id(), v.spec(), mailbox, v.retired());
    }
}
