package io.aura.kernel.resource;

import io.aura.kernel.EventRevision;

public final class ResourceEvents {
    private ResourceEvents() {}

    /** Revision 2: the spec gained approval levels and an approval deadline (older events: none, default). */
    @EventRevision("2")
    public record ResourceRegistered(String resourceId, ResourceSpec spec) {}
}
