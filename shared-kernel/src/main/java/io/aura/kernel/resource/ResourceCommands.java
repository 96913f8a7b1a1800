package io.aura.kernel.resource;

import io.aura.kernel.TargetsAggregate;

public final class ResourceCommands {
    private ResourceCommands() {}

    public record RegisterResource(String resourceId, ResourceSpec spec) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return resourceId;
        }
    }
}
