package io.aura.kernel.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ScheduleBook;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.whatif.PolicyWhatIf.Recorded;
import io.aura.kernel.whatif.WhatIfReport.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The what-if's replay on histories written by the live decisions themselves (a {@link ScheduleBook}, as the
 * schedule aggregate decides): what stands as recorded, what is decided again, and how a decline is followed.
 */
class PolicyWhatIfTest {
    static final String ROOM = "room-1";
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant FROM = T0.plus(Duration.ofDays(1));
    static final Instant TO = T0.plus(Duration.ofDays(30));
    static final ResourceSpec OPEN = new ResourceSpec("Room", 10, "UTC", false, List.of(), 0, 15, 720, 365);
    static final ResourceSpec WITH_APPROVAL = new ResourceSpec("Room", 10, "UTC", true, List.of("ann"), 0, 15, 720,
            365);

    /** A history as the live path records it: each request followed by the schedule's own answer. */
    static final class History {
        final List<Recorded> events = new ArrayList<>();
        final ScheduleBook live = new ScheduleBook();
        ResourceSpec spec;

        History register(Instant at, ResourceSpec spec) {
            this.spec = spec;
            events.add(new Recorded(at, new ResourceRegistered(ROOM, spec), List.of()));
            return this;
        }

        /** {@code id} asks for {@code hours} hours from {@code startHour} on the 10th, at {@code at}. */
        History request(Instant at, String id, int startHour, int hours) {
            Instant start = Instant.parse("2026-03-10T00:00:00Z").plus(Duration.ofHours(startHour));
            TimeRange range = new TimeRange(start, start.plus(Duration.ofHours(hours)));
            events.add(new Recorded(at, new BookingRequested(id, ROOM, "t", range, List.of(range), null,
                    ConflictPolicy.ALL_OR_NOTHING, 1, List.of(), null, "sam"), List.of("REQUESTER")));
            for (Object answer : live.placeHold(spec, false, new PlaceHold(ROOM, id, List.of(range),
                    ConflictPolicy.ALL_OR_NOTHING, 1, at, List.of("REQUESTER")), false)) {
                live.on(answer);
                events.add(new Recorded(at.plusMillis(5), answer, List.of()));
            }
            return this;
        }

        History decline(Instant at, String id) {
            events.add(new Recorded(at, new BookingDeclined(id, ROOM, "approval-" + id, BookingStatus.REJECTED, "ann",
                    null), List.of()));
            for (Object answer : live.releaseHold(new ReleaseHold(ROOM, id, List.of()))) {
                live.on(answer);
                events.add(new Recorded(at.plusMillis(5), answer, List.of()));
            }
            return this;
        }

        WhatIfReport whatIf(PolicyChange change) {
            return PolicyWhatIf.run(events, FROM, TO, null, change);
        }
    }

    static Instant day(int d) {
        return T0.plus(Duration.ofDays(d));
    }

    @Test
    void a_booking_made_before_the_period_stands_as_recorded_and_counts_against_the_period_s_requests() {
        History history = new History().register(T0, OPEN)
                .request(T0.plusSeconds(60), "before", 9, 1) // before the period: 09:00-10:00
                .request(day(2), "after", 10, 1); // right after it, in the period

        WhatIfReport report = history.whatIf(new PolicyChange(15, null, null, null, null));

        assertThat(report.bookingsConsidered()).isEqualTo(1);
        assertThat(report.examples()).singleElement().satisfies(e -> {
            assertThat(e.bookingId()).isEqualTo("after");
            assertThat(e.after().verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(e.after().reasons()).containsExactly("BOOKING");
        });
    }

    @Test
    void no_change_answers_as_recorded_and_a_refused_request_names_its_conflict_both_times() {
        History history = new History().register(T0, OPEN)
                .request(day(2), "first", 9, 2)
                .request(day(3), "overlapping", 10, 1);

        WhatIfReport report = history.whatIf(PolicyChange.NONE);

        assertThat(report.bookingsConsidered()).isEqualTo(2);
        assertThat(report.refusedBefore()).isEqualTo(1);
        assertThat(report.wouldBeRefused()).isEqualTo(1);
        assertThat(report.byRule()).containsExactlyEntriesOf(java.util.Map.of("BOOKING", 1));
        assertThat(report.changed()).isZero();
        assertThat(report.utilizationAfter()).isEqualTo(report.utilizationBefore()).isPositive();
    }

    @Test
    void a_decline_frees_the_slot_only_where_the_rule_still_asks_approval() {
        History history = new History().register(T0, WITH_APPROVAL)
                .request(day(2), "declined", 9, 1)
                .decline(day(3), "declined")
                .request(day(4), "next", 9, 1);
        assertThat(history.whatIf(PolicyChange.NONE).changed()).isZero();

        WhatIfReport withoutApproval = history.whatIf(new PolicyChange(null, null, null, null, List.of()));

        // nobody could have declined it: it keeps its slot, and the next request for it is refused
        assertThat(withoutApproval.approvals().neededBefore()).isEqualTo(2);
        assertThat(withoutApproval.approvals().neededAfter()).isZero();
        assertThat(withoutApproval.examples()).filteredOn(e -> e.bookingId().equals("next")).singleElement()
                .satisfies(e -> assertThat(e.after().reasons()).containsExactly("BOOKING"));
    }

    @Test
    void a_second_approval_level_is_counted_as_more_levels_and_a_bad_change_names_its_fields() {
        History history = new History().register(T0, WITH_APPROVAL).request(day(2), "big", 9, 3);
        ApprovalLevel managers = new ApprovalLevel("managers", List.of("ann"), null, 0, 0, List.of(), List.of());
        ApprovalLevel directors = new ApprovalLevel("directors", List.of("dan"), null, 0, 120, List.of(), List.of());

        WhatIfReport report = history.whatIf(new PolicyChange(null, null, null, null, List.of(managers, directors)));

        assertThat(report.approvals().moreLevels()).isEqualTo(1);
        assertThat(new PolicyChange(-1, 0, List.of(new io.aura.kernel.resource.OpeningHours.Interval(8, "x", "18:00")),
                null, java.util.Arrays.asList((ApprovalLevel) null)).violations())
                .extracting(v -> v.field()).contains("change.bufferMinutes", "change.maxDurationMinutes",
                        "change.openingHours[0].dayOfWeek", "change.openingHours[0].from", "change.approvalLevels[0]");
    }
}
