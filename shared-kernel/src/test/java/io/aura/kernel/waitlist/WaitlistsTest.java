package io.aura.kernel.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.waitlist.Waitlists.Entry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitlistsTest {
    static final Instant NOW = Instant.parse("2030-01-01T08:00:00Z");

    static TimeRange at(String from, String to) {
        return new TimeRange(Instant.parse("2030-01-02T" + from + ":00Z"), Instant.parse("2030-01-02T" + to + ":00Z"));
    }

    static Entry waiting(String id, long sequence, TimeRange range) {
        return new Entry(id, sequence, range, WaitlistEntryStatus.WAITING);
    }

    @Test
    void the_first_in_line_whose_whole_slot_was_freed_is_promoted() {
        List<Entry> line = List.of(waiting("a", 1, at("09:00", "10:30")), waiting("b", 2, at("09:00", "10:00")),
                waiting("c", 3, at("09:30", "10:00")));

        assertThat(Waitlists.promotable(line, List.of(at("09:00", "10:00")), NOW)).extracting(Entry::entryId)
                .containsExactly("b");
    }

    @Test
    void a_slot_that_has_begun_is_not_promoted_but_expired() {
        List<Entry> line = List.of(waiting("a", 1, at("09:00", "10:00")));
        Instant during = at("09:00", "10:00").start().plusSeconds(1);

        assertThat(Waitlists.promotable(line, List.of(at("09:00", "10:00")), during)).isEmpty();
        assertThat(Waitlists.expired(line, during)).extracting(Entry::entryId).containsExactly("a");
        assertThat(Waitlists.expired(line, NOW)).isEmpty();
    }

    @Test
    void the_position_counts_only_open_entries_ahead_whose_slot_overlaps() {
        Entry a = waiting("a", 1, at("09:00", "10:00"));
        Entry gone = new Entry("gone", 2, at("09:00", "10:00"), WaitlistEntryStatus.LEFT);
        Entry other = waiting("other", 3, at("11:00", "12:00"));
        Entry b = waiting("b", 4, at("09:30", "10:30"));
        List<Entry> all = List.of(a, gone, other, b);

        assertThat(Waitlists.position(a, all)).isEqualTo(1);
        assertThat(Waitlists.position(b, all)).isEqualTo(2);
        assertThat(Waitlists.position(other, all)).isEqualTo(1);
        assertThat(Waitlists.position(gone, all)).isZero();
    }

    @Test
    void a_promotion_s_booking_id_is_the_same_for_the_same_attempt_and_new_for_the_next() {
        assertThat(Waitlists.bookingIdFor("e", 1)).isEqualTo(Waitlists.bookingIdFor("e", 1))
                .isNotEqualTo(Waitlists.bookingIdFor("e", 2));
    }
}
