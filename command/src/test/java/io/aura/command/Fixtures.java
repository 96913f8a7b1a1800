package io.aura.command;

import io.aura.kernel.TargetsAggregate;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/** Aggregate fixtures resolving targets the way the application does (TargetsAggregate, no annotations). */
public final class Fixtures {
    private Fixtures() {}

    public static <T> FixtureConfiguration<T> fixtureFor(Class<T> aggregate) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregate);
        fixture.registerCommandTargetResolver(command -> new VersionedAggregateIdentifier(
                ((TargetsAggregate) command.getPayload()).targetAggregateId(), null));
        return fixture;
    }
}
