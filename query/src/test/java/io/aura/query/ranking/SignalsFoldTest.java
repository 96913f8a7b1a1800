package io.aura.query.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.RankingSignals;
import io.aura.kernel.booking.RankingSignals.Key;
import io.aura.kernel.booking.RankingSignals.Tally;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.whatif.PolicyWhatIf.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given recorded events, the signals the ranking learns (ADR 0049). */
class SignalsFoldTest {
    static final Instant T0 = Instant.parse("2026-11-02T07:00:00Z"); // a Monday, 08:00 in Berlin
    // Tuesday 1 December 2026 10:00 Berlin (09:00 UTC)
    static final TimeRange TUESDAY_TEN = range("2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z");

    final List<Recorded> history = new ArrayList<>();
    Instant clock = T0;

    static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    void at(Duration later, Object event, String... roles) {
        clock = clock.plus(later);
        history.add(new Recorded(clock, event, List.of(roles)));
    }

    void room(String id, boolean approval) {
        at(Duration.ZERO, new ResourceRegistered(id, new ResourceSpec(id, 8, "Europe/Berlin", approval, List.of(), 0,
                15, 240, 3650)), "ADMIN");
    }

    void requested(String bookingId, String resourceId, TimeRange range, String who, String... roles) {
        at(Duration.ofMinutes(1), new BookingRequested(bookingId, resourceId, "Meeting", range, List.of(range), null,
                ConflictPolicy.ALL_OR_NOTHING, 4, List.of(), null, who), roles);
    }

    void confirmed(String bookingId, String resourceId, TimeRange range, Duration after) {
        at(after, new BookingConfirmed(bookingId, resourceId, List.of(range), List.of(), List.of()));
    }

    void awaiting(String bookingId, String resourceId, TimeRange range) {
        at(Duration.ZERO, new BookingAwaitingApproval(bookingId, resourceId, List.of(range), List.of(), List.of(),
                "approval-" + bookingId));
    }

    static Tally cell(RankingSignals signals, String resourceId, int day, int hour, String group) {
        return signals.tallies().getOrDefault(new Key(resourceId, day, hour, group), Tally.EMPTY);
    }

    @Test
    void approvals_give_the_chance_of_approval_how_many_came_within_a_day_and_the_median_time_to_decide() {
        room("hall", true);
        // three granted after 2 h, 3 h and 30 h; one declined after 1 h; one expired undecided
        long[] grantedAfterHours = {2, 3, 30};
        for (int i = 0; i < grantedAfterHours.length; i++) {
            requested("b" + i, "hall", TUESDAY_TEN, "ann", "REQUESTER");
            awaiting("b" + i, "hall", TUESDAY_TEN);
            confirmed("b" + i, "hall", TUESDAY_TEN, Duration.ofHours(grantedAfterHours[i]));
            at(Duration.ofDays(2), "time passes");
        }
        requested("d", "hall", TUESDAY_TEN, "ann", "REQUESTER");
        awaiting("d", "hall", TUESDAY_TEN);
        at(Duration.ofHours(1), new BookingDeclined("d", "hall", "approval-d", BookingStatus.REJECTED, "boss", null));
        requested("x", "hall", TUESDAY_TEN, "ann", "REQUESTER");
        awaiting("x", "hall", TUESDAY_TEN);
        at(Duration.ofDays(3), new BookingDeclined("x", "hall", "approval-x", BookingStatus.EXPIRED, "system", null));

        Tally tuesdayTen = cell(SignalsFold.of(history), "hall", 2, 10, "REQUESTER");

        assertThat(tuesdayTen.decided()).isEqualTo(5);
        assertThat(tuesdayTen.approved()).isEqualTo(3);
        assertThat(tuesdayTen.approvedWithinDay()).isEqualTo(2);
        // decisions after 60, 120, 180 and 1800 minutes (the expiry is no decision): median 150
        assertThat(tuesdayTen.medianDecisionMinutes()).isEqualTo(150);
    }

    @Test
    void dates_cancelled_before_they_begin_and_no_shows_are_released_unused_a_cancellation_after_the_start_is_not() {
        room("desk", false);
        for (int i = 0; i < 4; i++) {
            requested("b" + i, "desk", TUESDAY_TEN, "bob", "REQUESTER");
            confirmed("b" + i, "desk", TUESDAY_TEN, Duration.ZERO);
        }
        at(Duration.ofHours(1), new BookingCancelled("b0", "desk", "plans changed"));
        at(Duration.ZERO, new OccurrenceMarkedNoShow("b1", "desk", TUESDAY_TEN, TUESDAY_TEN.start().plusSeconds(900),
                "bob"));
        clock = TUESDAY_TEN.start().plusSeconds(600);
        at(Duration.ZERO, new BookingCancelled("b2", "desk", "ended early, after it began"));

        Tally tuesdayTen = cell(SignalsFold.of(history), "desk", 2, 10, "REQUESTER");

        assertThat(tuesdayTen.held()).isEqualTo(4);
        assertThat(tuesdayTen.releasedUnused()).isEqualTo(2);
    }

    @Test
    void what_a_refused_requester_held_within_a_day_is_learned_for_the_place_and_hour_they_were_refused() {
        room("a", false);
        room("b", false);
        // carl, refused on a, takes the same time on b; dora takes another time on a; eve comes back after two days
        TimeRange later = range("2026-12-01T13:00:00Z", "2026-12-01T14:00:00Z");
        requested("c1", "a", TUESDAY_TEN, "carl", "REQUESTER");
        at(Duration.ZERO, new BookingRejected("c1", "a", List.of(), List.of(), List.of()));
        requested("c2", "b", TUESDAY_TEN, "carl", "REQUESTER");
        confirmed("c2", "b", TUESDAY_TEN, Duration.ZERO);
        requested("d1", "a", TUESDAY_TEN, "dora", "APPROVER", "REQUESTER");
        at(Duration.ZERO, new BookingRejected("d1", "a", List.of(), List.of(), List.of()));
        requested("d2", "a", later, "dora", "APPROVER", "REQUESTER");
        confirmed("d2", "a", later, Duration.ZERO);
        requested("e1", "a", TUESDAY_TEN, "eve", "REQUESTER");
        at(Duration.ZERO, new BookingRejected("e1", "a", List.of(), List.of(), List.of()));
        at(Duration.ofDays(2), "two days pass");
        requested("e2", "b", TUESDAY_TEN, "eve", "REQUESTER");
        confirmed("e2", "b", TUESDAY_TEN, Duration.ZERO);

        RankingSignals signals = SignalsFold.of(history);

        assertThat(cell(signals, "a", 2, 10, "REQUESTER").sameTimeElsewhere()).isEqualTo(1);
        assertThat(cell(signals, "a", 2, 10, "APPROVER").sameResourceOtherTime()).isEqualTo(1);
        Tally a = cell(signals, "a", RankingSignals.ANY, RankingSignals.ANY, null);
        assertThat(a.choicesAfterRefusal()).as("eve came back too late to count").isEqualTo(2);
        // dora acted as an approver: her group is her highest role
        assertThat(cell(signals, "a", 2, 10, "APPROVER").choicesAfterRefusal()).isEqualTo(1);
    }

    @Test
    void a_signal_is_read_at_the_narrowest_level_with_enough_samples() {
        room("desk", false);
        TimeRange wednesday = range("2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            requested("w" + i, "desk", wednesday, "bob", "REQUESTER");
            confirmed("w" + i, "desk", wednesday, Duration.ZERO);
            at(Duration.ofMinutes(5), new BookingCancelled("w" + i, "desk", null));
        }
        requested("t", "desk", TUESDAY_TEN, "bob", "REQUESTER");
        confirmed("t", "desk", TUESDAY_TEN, Duration.ZERO);

        RankingSignals signals = SignalsFold.of(history);

        assertThat(signals.find("desk", 3, 10, "REQUESTER", Tally::held).releasedUnused()).isEqualTo(3);
        // Tuesday 10:00 has one date: too few, so the resource as a whole (4 held, 3 released) answers
        Tally tuesday = signals.find("desk", 2, 10, "ADMIN", Tally::held);
        assertThat(tuesday.held()).isEqualTo(4);
        assertThat(tuesday.releasedUnused()).isEqualTo(3);
        assertThat(signals.find("elsewhere", 2, 10, "ADMIN", Tally::held)).isEqualTo(Tally.EMPTY);
    }
}
