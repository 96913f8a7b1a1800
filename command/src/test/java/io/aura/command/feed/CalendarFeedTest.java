package io.aura.command.feed;

import io.aura.command.Fixtures;
import io.aura.kernel.feed.CalendarFeedCommands.IssueCalendarFeed;
import io.aura.kernel.feed.CalendarFeedCommands.RotateCalendarFeed;
import io.aura.kernel.feed.CalendarFeedEvents.CalendarFeedIssued;
import io.aura.kernel.feed.CalendarFeedEvents.CalendarFeedRotated;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CalendarFeedTest {
    private static final String FEED = "calendar-feed:alice";
    private FixtureConfiguration<CalendarFeed> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(CalendarFeed.class);
    }

    @Test
    void a_first_feed_is_issued_with_the_hash_of_its_secret() {
        fixture.givenNoPriorActivity()
                .when(new IssueCalendarFeed("alice", "n1", "h1"))
                .expectEvents(new CalendarFeedIssued(FEED, "alice", "n1", "h1"));
    }

    @Test
    void asking_for_a_feed_again_keeps_the_secret_and_records_nothing() {
        fixture.given(new CalendarFeedIssued(FEED, "alice", "n1", "h1"))
                .when(new IssueCalendarFeed("alice", "n2", "h2"))
                .expectNoEvents();
    }

    @Test
    void rotating_replaces_the_secret() {
        fixture.given(new CalendarFeedIssued(FEED, "alice", "n1", "h1"))
                .when(new RotateCalendarFeed("alice", "n2", "h2"))
                .expectEvents(new CalendarFeedRotated(FEED, "alice", "n2", "h2"));
    }

    @Test
    void rotating_a_feed_never_issued_issues_it() {
        fixture.givenNoPriorActivity()
                .when(new RotateCalendarFeed("alice", "n1", "h1"))
                .expectEvents(new CalendarFeedIssued(FEED, "alice", "n1", "h1"));
    }
}
