package io.aura.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.graph.FakeGraph.Fault;
import io.aura.graph.FakeGraph.Written;
import io.aura.kernel.schedule.ExternalEvents;
import io.aura.kernel.schedule.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Graph SDK writing Aura's bookings into a room's Outlook calendar, against a local server that answers like Graph. */
class GraphEventsTest {
    static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");
    static final String ROOM = "room-a@contoso.com";
    final FakeGraph fake = new FakeGraph();

    GraphEvents events() {
        return new GraphEvents(fake.graphBaseUrl(), new ClientCredentialsTokens(fake.tokenEndpoint(),
                FakeGraph.CLIENT_ID, FakeGraph.CLIENT_SECRET, "127.0.0.1", Clock.systemUTC()), Duration.ofMillis(700));
    }

    static Instant at(int hour) {
        return DAY.plusSeconds(3600L * hour);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void a_booking_is_created_at_its_times_moved_and_deleted() {
        GraphEvents graph = events();
        String tx = ExternalEvents.transactionId("b-1", at(9));

        String id = graph.create(ROOM, tx, "Board meeting", new TimeRange(at(9), at(10)));

        assertThat(fake.events(ROOM)).containsExactly(new Written(id, tx, "Board meeting", at(9), at(10)));
        graph.move(ROOM, id, new TimeRange(at(14), at(15)));
        assertThat(fake.events(ROOM)).containsExactly(new Written(id, tx, "Board meeting", at(14), at(15)));
        graph.delete(ROOM, id);
        assertThat(fake.events(ROOM)).isEmpty();
        graph.delete(ROOM, id); // gone already: done, not an error
        assertThat(fake.writes(ROOM)).extracting(FakeGraph.Write::status).containsExactly(201, 200, 204, 404);
    }

    @Test
    void a_create_sent_again_with_its_transaction_id_finds_the_event_it_made() {
        GraphEvents graph = events();
        String tx = ExternalEvents.transactionId("b-1", at(9));

        String first = graph.create(ROOM, tx, "Board meeting", new TimeRange(at(9), at(10)));
        String again = graph.create(ROOM, tx, "Board meeting", new TimeRange(at(9), at(10)));

        assertThat(again).isEqualTo(first);
        assertThat(fake.events(ROOM)).hasSize(1);
        assertThat(tx).startsWith("aura-").isEqualTo(ExternalEvents.transactionId("b-1", at(9)))
                .isNotEqualTo(ExternalEvents.transactionId("b-1", at(10)));
    }

    @Test
    void a_throttled_write_says_how_long_graph_asked_to_wait_and_is_not_retried_here() {
        fake.failNextWrites(ROOM, Fault.throttled(7));

        assertThatThrownBy(() -> events().create(ROOM, "aura-x", "Board", new TimeRange(at(9), at(10))))
                .isInstanceOfSatisfying(ExternalEvents.Throttled.class,
                        t -> assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(fake.writes(ROOM)).hasSize(1);
        assertThat(fake.events(ROOM)).isEmpty();
    }

    @Test
    void a_server_error_or_an_answer_too_late_is_unavailable_a_refusal_is_refused() {
        fake.failNextWrites(ROOM, Fault.status(500), Fault.answerLate(Duration.ofSeconds(3)), Fault.status(403));
        GraphEvents graph = events();
        TimeRange slot = new TimeRange(at(9), at(10));

        assertThatThrownBy(() -> graph.create(ROOM, "aura-1", "Board", slot)).isInstanceOf(ExternalEvents.Unavailable.class)
                .hasMessageContaining("500");
        assertThatThrownBy(() -> graph.create(ROOM, "aura-1", "Board", slot)).isInstanceOf(ExternalEvents.Unavailable.class);
        assertThat(fake.events(ROOM)).as("the late answer's create was done").hasSize(1);
        assertThatThrownBy(() -> graph.move(ROOM, "AAMk-1", slot)).isInstanceOf(ExternalEvents.Refused.class);
        assertThatThrownBy(() -> graph.move(ROOM, "no-such-event", slot)).isInstanceOf(ExternalEvents.Refused.class);
        // tried again, the create finds the event the lost answer was about
        String id = graph.create(ROOM, "aura-1", "Board", slot);
        assertThat(fake.events(ROOM)).singleElement().extracting(Written::id).isEqualTo(id);
    }
}
