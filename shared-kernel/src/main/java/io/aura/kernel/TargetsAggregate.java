package io.aura.kernel;

/**
 * A command addressed to one aggregate (also the one it creates). The application resolves the
 * target, and the Axon Server routing key, from this method, so messages need no framework
 * annotations.
 */
public interface TargetsAggregate {
    String targetAggregateId();
}
