package io.aura.kernel.resource;

import io.aura.kernel.EventRevision;

public final class ResourceEvents {
    private ResourceEvents() {}

    /** Revision 2: the spec gained approval levels and an approval deadline (older events: none, default). */
    @EventRevision("2")
    public record ResourceRegistered(String resourceId, ResourceSpec spec) {}

    /** An administrator edited the resource: {@code spec} replaces the one before, whole. */
    public record ResourceChanged(String resourceId, ResourceSpec spec) {}

    /** The resource was retired: no new bookings on it; existing bookings stay. */
    public record ResourceRetired(String resourceId) {}

    /** {@code resourceId} holds the name {@code name} (as it was written; compared by {@link ResourceNames#key}). */
    public record ResourceNameClaimed(String name, String resourceId) {}

    /** The resource that held the name let it go. */
    public record ResourceNameReleased(String name, String resourceId) {}
}
