package io.aura.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.feed.CalendarFeedEvents.CalendarFeedIssued;
import io.aura.kernel.feed.CalendarFeedEvents.CalendarFeedRotated;
import io.aura.kernel.feed.CalendarFeedQueries.CalendarFeedView;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/** What every calendar feed store does, whichever database holds it (SQL and MongoDB subclasses). */
abstract class CalendarFeedStoreContract {

    abstract CalendarFeedStore store();

    @Test
    void an_issued_feed_is_found_by_its_owner_and_by_its_secret_hash() {
        store().save(CalendarFeedFold.issued(new CalendarFeedIssued("calendar-feed:alice", "alice", "n1", "h1")));

        CalendarFeedView expected = new CalendarFeedView("alice", "n1", "h1", 1);
        assertThat(store().ofOwner("alice")).contains(expected);
        assertThat(store().bySecretHash("h1")).contains(expected);
    }

    @Test
    void after_a_rotation_the_old_hash_finds_nothing_and_the_new_one_finds_the_owner() {
        CalendarFeedView issued = CalendarFeedFold.issued(
                new CalendarFeedIssued("calendar-feed:alice", "alice", "n1", "h1"));
        store().save(issued);

        store().save(CalendarFeedFold.rotated(issued,
                new CalendarFeedRotated("calendar-feed:alice", "alice", "n2", "h2")));

        assertThat(store().bySecretHash("h1")).isEmpty();
        assertThat(store().bySecretHash("h2")).contains(new CalendarFeedView("alice", "n2", "h2", 2));
        assertThat(store().ofOwner("alice")).contains(new CalendarFeedView("alice", "n2", "h2", 2));
    }

    @Test
    void a_redelivered_event_saves_the_same_feed_again() {
        CalendarFeedView issued = CalendarFeedFold.issued(
                new CalendarFeedIssued("calendar-feed:alice", "alice", "n1", "h1"));

        store().save(issued);
        store().save(issued);

        assertThat(store().ofOwner("alice")).contains(issued);
    }

    @Test
    void each_owner_has_their_own_feed_and_unknown_ones_have_none() {
        store().save(CalendarFeedFold.issued(new CalendarFeedIssued("calendar-feed:alice", "alice", "n1", "h1")));
        store().save(CalendarFeedFold.issued(new CalendarFeedIssued("calendar-feed:bob", "bob", "n2", "h2")));

        assertThat(store().bySecretHash("h2").map(CalendarFeedView::ownerId)).contains("bob");
        assertThat(store().ofOwner("carol")).isEmpty();
        assertThat(store().bySecretHash("nope")).isEmpty();
    }

    @Test
    void clearing_forgets_every_feed() {
        store().save(CalendarFeedFold.issued(new CalendarFeedIssued("calendar-feed:alice", "alice", "n1", "h1")));

        store().clear();

        assertThat(store().ofOwner("alice")).isEmpty();
        assertThat(store().bySecretHash("h1")).isEmpty();
    }

    @Test
    void a_forgotten_feed_is_found_neither_by_its_owner_nor_by_its_secret_and_others_stay() {
        store().save(CalendarFeedFold.issued(new CalendarFeedIssued("calendar-feed:alice", "alice", "n1", "h1")));
        store().save(CalendarFeedFold.issued(new CalendarFeedIssued("calendar-feed:bob", "bob", "n2", "h2")));

        store().forget("alice");
        store().forget("carol"); // nobody's: nothing to forget

        assertThat(store().ofOwner("alice")).isEmpty();
        assertThat(store().bySecretHash("h1")).isEmpty();
        assertThat(store().bySecretHash("h2").map(CalendarFeedView::ownerId)).contains("bob");
    }

    @Test
    void a_feed_forgotten_in_a_batch_is_gone_within_it_and_after_it_commits() {
        CalendarFeedView issued = CalendarFeedFold.issued(
                new CalendarFeedIssued("calendar-feed:alice", "alice", "n1", "h1"));
        store().save(issued);

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().forget("alice");
            assertThat(store().ofOwner("alice")).isEmpty();
            assertThat(store().bySecretHash("h1")).isEmpty();
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        assertThat(store().ofOwner("alice")).isEmpty();
        assertThat(store().bySecretHash("h1")).isEmpty();
    }
}
