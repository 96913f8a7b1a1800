package io.aura.kernel.resource;

public final class ResourceEvents {
    private ResourceEvents() {}

    public record ResourceRegistered(String resourceId, ResourceSpec spec) {}
}
