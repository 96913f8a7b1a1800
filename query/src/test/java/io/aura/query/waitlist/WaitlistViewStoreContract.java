package io.aura.query.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.waitlist.WaitlistEntryStatus;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistJoined;
import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every waitlist view store does, whichever database holds it (SQL and MongoDB subclasses). */
abstract class WaitlistViewStoreContract {
    static final TimeRange NINE = new TimeRange(Instant.parse("2030-01-02T09:00:00Z"),
            Instant.parse("2030-01-02T10:00:00Z"));

    abstract WaitlistViewStore store();

    static WaitlistEntryView joined(String entryId, String resourceId, long sequence, String owner) {
        return WaitlistFold.joined(new WaitlistJoined("waitlist:" + resourceId, entryId, resourceId, sequence, NINE,
                "Standup", 4, List.of(), owner, List.of("REQUESTER")));
    }

    @Test
    void a_joined_entry_is_found_by_id_and_by_its_owner_as_it_was_folded() {
        WaitlistEntryView alice = joined("e-a", "r-1", 1, "alice");
        store().save(alice);

        assertThat(store().find("e-a")).contains(alice);
        assertThat(store().ofOwner("alice")).containsExactly(alice);
        assertThat(store().ofOwner("bob")).isEmpty();
        assertThat(store().find("nope")).isEmpty();
    }

    @Test
    void a_resource_s_open_entries_come_in_their_order_and_closed_ones_drop_out() {
        WaitlistEntryView a = joined("e-a", "r-1", 1, "alice");
        WaitlistEntryView b = joined("e-b", "r-1", 2, "bob");
        WaitlistEntryView c = joined("e-c", "r-1", 3, "carol");
        store().save(c);
        store().save(a);
        store().save(b);
        store().save(joined("e-x", "r-2", 1, "xavier"));

        store().save(WaitlistFold.moved(a, WaitlistEntryStatus.PROMOTED, "bk-1"));
        store().save(WaitlistFold.moved(b, WaitlistEntryStatus.LEFT, null));

        assertThat(store().openOf("r-1")).extracting(WaitlistEntryView::entryId).containsExactly("e-a", "e-c");
        assertThat(store().find("e-a").orElseThrow().bookingId()).isEqualTo("bk-1");
        assertThat(WaitlistFold.positioned(store().find("e-c").orElseThrow(), store().openOf("r-1")).position())
                .isEqualTo(2);
    }

    @Test
    void a_fulfilled_entry_keeps_its_booking_and_its_owner_still_sees_it() {
        WaitlistEntryView a = joined("e-a", "r-1", 1, "alice");
        store().save(a);
        store().save(WaitlistFold.moved(WaitlistFold.moved(a, WaitlistEntryStatus.PROMOTED, "bk-1"),
                WaitlistEntryStatus.FULFILLED, null));

        assertThat(store().ofOwner("alice")).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(WaitlistEntryStatus.FULFILLED);
            assertThat(v.bookingId()).isEqualTo("bk-1");
        });
        assertThat(store().openOf("r-1")).isEmpty();
    }

    @Test
    void a_redelivered_event_saves_the_same_entry_again() {
        WaitlistEntryView a = joined("e-a", "r-1", 1, "alice");
        store().save(a);
        store().save(a);

        assertThat(store().ofOwner("alice")).containsExactly(a);
    }

    @Test
    void clearing_forgets_every_entry() {
        store().save(joined("e-a", "r-1", 1, "alice"));

        store().clear();

        assertThat(store().find("e-a")).isEmpty();
        assertThat(store().openOf("r-1")).isEmpty();
    }

    @Test
    void an_erased_owner_s_entry_is_kept_with_the_erased_title_in_its_place_wherever_it_is_read() {
        WaitlistEntryView alice = joined("e-a", "r-1", 1, "alice");
        WaitlistEntryView bob = joined("e-b", "r-1", 2, "bob");
        store().save(alice);
        store().save(bob);

        WaitlistEntryView erased = WaitlistFold.erased(alice);
        store().save(erased);

        assertThat(erased.title()).isEqualTo(io.aura.kernel.privacy.PersonalData.ERASED);
        assertThat(store().find("e-a")).contains(erased);
        assertThat(store().ofOwner("alice")).containsExactly(erased);
        assertThat(store().openOf("r-1")).containsExactly(erased, bob);
    }
}
