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

    /** An administrator's edit: the resource's rules from now on are {@code spec} (bookings made stay). */
    public record ChangeResource(String resourceId, ResourceSpec spec) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return resourceId;
        }
    }

    /** The resource takes no new bookings from now on; the ones it has stay. */
    public record RetireResource(String resourceId) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return resourceId;
        }
    }

    /**
     * Claims a resource name for one resource (ADR 0028): at most one resource holds a name, compared
     * trimmed and case-insensitively. Addressed to the name's own aggregate ({@link ResourceNames#claimId}).
     */
    public record ClaimResourceName(String name, String resourceId) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return ResourceNames.claimId(name);
        }
    }

    /** Lets a name go (a rename, or a registration that failed); only the resource holding it can. */
    public record ReleaseResourceName(String name, String resourceId) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return ResourceNames.claimId(name);
        }
    }
}
