package io.aura.kernel.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryPromoted;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistJoined;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quotas a request carries from where it entered (ADR 0034), and what requests without them mean. */
class ApplicableQuotasTest {
    static final TimeRange SUNDAY_LATE = new TimeRange(Instant.parse("2026-12-13T23:30:00Z"),
            Instant.parse("2026-12-14T00:30:00Z"));
    static final QuotaView THREE_A_WEEK = new QuotaView("q-1",
            new QuotaSpec(null, null, "REQUESTER", null, QuotaPeriod.P1W, null, 3));

    @Test
    void a_request_or_event_from_before_quotas_travelled_with_it_counts_against_none() {
        var requested = new BookingRequested("b-1", "r-1", "Standup", SUNDAY_LATE, List.of(SUNDAY_LATE), null,
                ConflictPolicy.ALL_OR_NOTHING, 1, List.of(), null, "alice", null);
        var request = new RequestBooking("b-1", "r-1", "Standup", SUNDAY_LATE, List.of(SUNDAY_LATE), null,
                ConflictPolicy.ALL_OR_NOTHING, 1, List.of(), null, "alice", null);
        var joined = new WaitlistJoined("waitlist:r-1", "e-1", "r-1", 1, SUNDAY_LATE, "Standup", 1, List.of(),
                "alice", List.of("REQUESTER"), null);
        var promoted = new WaitlistEntryPromoted("waitlist:r-1", "e-1", "r-1", "b-1", SUNDAY_LATE, "Standup", 1,
                List.of(), "alice", List.of("REQUESTER"), null);

        assertThat(List.of(requested.applicableQuotas(), request.applicableQuotas(), joined.ownerQuotas(),
                promoted.ownerQuotas())).containsOnly(ApplicableQuotas.NONE);
        assertThat(ApplicableQuotas.NONE.limitNothing()).isTrue();
        assertThat(ApplicableQuotas.of(List.of(), "Europe/Berlin")).isEqualTo(ApplicableQuotas.NONE);
    }

    @Test
    void each_date_is_charged_in_the_week_of_the_resources_zone() {
        // Sunday 23:30 UTC is Monday 00:30 in Berlin: the next ISO week there
        var berlin = ApplicableQuotas.of(List.of(THREE_A_WEEK), "Europe/Berlin");

        assertThat(berlin.limitNothing()).isFalse();
        assertThat(berlin.charges("b-1", "r-1", List.of(SUNDAY_LATE)))
                .containsExactly(Charge.of("b-1", "r-1", null, SUNDAY_LATE, ZoneId.of("Europe/Berlin")))
                .extracting(Charge::week).containsExactly("2026-W51");
    }

    @Test
    void a_zone_no_one_can_read_counts_in_utc_rather_than_stopping_the_saga() {
        assertThat(ApplicableQuotas.of(List.of(THREE_A_WEEK), "Mars/Olympus").zone()).isEqualTo("UTC");
        assertThat(ApplicableQuotas.of(List.of(THREE_A_WEEK), null).zone()).isEqualTo("UTC");
    }

    @Test
    void a_bookings_category_goes_into_each_of_its_charges() {
        var berlin = ApplicableQuotas.of(List.of(THREE_A_WEEK), "Europe/Berlin");

        assertThat(berlin.charges("b-1", "r-1", "Training", List.of(SUNDAY_LATE))).extracting(Charge::category)
                .containsExactly("Training");
    }
}
