package io.aura.command.quota;

import io.aura.command.Fixtures;
import io.aura.kernel.quota.QuotaCommands.DefineQuota;
import io.aura.kernel.quota.QuotaCommands.RemoveQuota;
import io.aura.kernel.quota.QuotaEvents.QuotaDefined;
import io.aura.kernel.quota.QuotaEvents.QuotaRemoved;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.validation.InvalidInputException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuotaDefinitionTest {
    static final QuotaSpec THREE_A_WEEK = new QuotaSpec(null, null, "REQUESTER", null, QuotaPeriod.P1W, null, 3);

    FixtureConfiguration<QuotaDefinition> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(QuotaDefinition.class);
    }

    @Test
    void an_administrator_defines_a_quota() {
        fixture.givenNoPriorActivity()
                .when(new DefineQuota("q-1", THREE_A_WEEK))
                .expectEvents(new QuotaDefined("q-1", THREE_A_WEEK));
    }

    @Test
    void a_quota_without_a_limit_is_refused_and_nothing_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(new DefineQuota("q-1", new QuotaSpec(null, null, null, null, QuotaPeriod.P1M, null, null)))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void a_defined_quota_is_removed() {
        fixture.given(new QuotaDefined("q-1", THREE_A_WEEK))
                .when(new RemoveQuota("q-1"))
                .expectEvents(new QuotaRemoved("q-1"));
    }
}
