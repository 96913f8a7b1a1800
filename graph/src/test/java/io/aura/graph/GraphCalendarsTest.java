package io.aura.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.graph.FakeGraph.Entry;
import io.aura.kernel.schedule.ExternalCalendars;
import io.aura.kernel.schedule.ExternalEvents;
import io.aura.kernel.schedule.TimeRange;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Graph SDK against a local server that answers like Graph: what Aura reads of an Outlook calendar. */
class GraphCalendarsTest {
    static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");
    final FakeGraph fake = new FakeGraph();

    GraphCalendars calendars() {
        return new GraphCalendars(fake.graphBaseUrl(), new ClientCredentialsTokens(fake.tokenEndpoint(),
                FakeGraph.CLIENT_ID, FakeGraph.CLIENT_SECRET, "127.0.0.1", Clock.systemUTC()), 1, 0);
    }

    static Instant at(int hour) {
        return DAY.plusSeconds(3600L * hour);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void busy_tentative_and_out_of_office_take_time_free_and_cancelled_entries_do_not_over_every_page() {
        fake.calendar("room-a@contoso.com",
                new Entry(at(9), at(10), "busy", false),
                new Entry(at(10), at(11), "free", false),
                new Entry(at(11), at(12), "tentative", false),
                new Entry(at(12), at(13), "busy", true),
                new Entry(at(14), at(15), "oof", false),
                new Entry(at(30), at(31), "busy", false)); // outside the window
        fake.pageSize(2);

        List<TimeRange> busy = calendars().busy("room-a@contoso.com", new TimeRange(at(0), at(24)));

        assertThat(busy).containsExactly(new TimeRange(at(9), at(10)), new TimeRange(at(11), at(12)),
                new TimeRange(at(14), at(15)));
        assertThat(fake.calendarRequests()).as("three pages of two").hasSize(3);
        assertThat(fake.preferHeaders()).allMatch(p -> p.contains("outlook.timezone=\"UTC\""));
        URI first = fake.calendarRequests().get(0);
        assertThat(first.getQuery()).contains("startDateTime=" + at(0)).contains("endDateTime=" + at(24));
        assertThat(fake.tokenRequests()).as("one token, reused while valid").isEqualTo(1);
    }

    @Test
    void an_unknown_mailbox_a_refused_secret_or_a_failing_graph_is_unavailable_not_an_empty_calendar() {
        fake.calendar("room-a@contoso.com", new Entry(at(9), at(10), "busy", false));
        TimeRange day = new TimeRange(at(0), at(24));

        assertThatThrownBy(() -> calendars().busy("nobody@contoso.com", day))
                .isInstanceOf(ExternalCalendars.Unavailable.class).hasMessageContaining("nobody@contoso.com");
        assertThatThrownBy(() -> new GraphCalendars(fake.graphBaseUrl(), new ClientCredentialsTokens(fake.tokenEndpoint(),
                FakeGraph.CLIENT_ID, "wrong-secret", "127.0.0.1", Clock.systemUTC()), 1, 0).busy("room-a@contoso.com", day))
                .isInstanceOf(ExternalCalendars.Unavailable.class).hasMessageContaining("invalid_client");
        fake.failing(true);
        int before = fake.calendarRequests().size();
        assertThatThrownBy(() -> calendars().busy("room-a@contoso.com", day))
                .isInstanceOf(ExternalCalendars.Unavailable.class);
        assertThat(fake.calendarRequests().size() - before).as("a 503 is tried once more").isEqualTo(2);
    }

    @Test
    void the_events_aura_wrote_itself_are_not_busy_times_in_its_way() {
        fake.calendar("room-a@contoso.com", new Entry(at(9), at(10), "busy", false));
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(fake.tokenEndpoint(), FakeGraph.CLIENT_ID,
                FakeGraph.CLIENT_SECRET, "127.0.0.1", Clock.systemUTC());
        GraphEvents writes = new GraphEvents(fake.graphBaseUrl(), tokens, java.time.Duration.ofSeconds(5));
        writes.create("room-a@contoso.com", ExternalEvents.transactionId("b-1", at(11)), "Aura's",
                new TimeRange(at(11), at(12)));
        writes.create("room-a@contoso.com", "outlook-add-in-42", "Someone else's", new TimeRange(at(13), at(14)));

        List<TimeRange> busy = calendars().busy("room-a@contoso.com", new TimeRange(at(0), at(24)));

        assertThat(busy).containsExactlyInAnyOrder(new TimeRange(at(9), at(10)), new TimeRange(at(13), at(14)));
        assertThat(fake.calendarRequests().get(0).getQuery()).contains("transactionId");
    }

    @Test
    void the_token_goes_to_the_graph_host_only() {
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(fake.tokenEndpoint(), FakeGraph.CLIENT_ID,
                FakeGraph.CLIENT_SECRET, "127.0.0.1", Clock.systemUTC());

        assertThat(tokens.getAuthorizationToken(URI.create("https://evil.example/v1.0/users"), java.util.Map.of())).isEmpty();
        assertThat(tokens.getAuthorizationToken(URI.create(fake.graphBaseUrl() + "/users"), java.util.Map.of()))
                .startsWith("fake-graph-token-");
    }
}
