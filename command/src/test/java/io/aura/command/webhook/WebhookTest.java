package io.aura.command.webhook;

import io.aura.command.Fixtures;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.webhook.WebhookCommands.RegisterWebhook;
import io.aura.kernel.webhook.WebhookCommands.RemoveWebhook;
import io.aura.kernel.webhook.WebhookEvents.WebhookRegistered;
import io.aura.kernel.webhook.WebhookEvents.WebhookRemoved;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {
    private FixtureConfiguration<Webhook> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(Webhook.class);
    }

    @Test
    void registering_a_webhook_records_its_url_and_not_its_secret() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook("w1", "https://hooks.example.org/aura"))
                .expectEvents(new WebhookRegistered("w1", "https://hooks.example.org/aura"));
    }

    @Test
    void a_webhook_that_is_not_an_http_url_is_refused_and_nothing_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook("w1", "ftp://files.example.org/"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void removing_a_webhook_records_its_removal() {
        fixture.given(new WebhookRegistered("w1", "https://hooks.example.org/aura"))
                .when(new RemoveWebhook("w1"))
                .expectEvents(new WebhookRemoved("w1"));
    }

    @Test
    void a_removed_webhook_cannot_be_removed_again() {
        fixture.given(new WebhookRegistered("w1", "https://hooks.example.org/aura"), new WebhookRemoved("w1"))
                .when(new RemoveWebhook("w1"))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }
}
