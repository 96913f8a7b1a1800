package io.aura.kernel.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.quota.QuotaLedgerRules.PeriodUsage;
import io.aura.kernel.quota.QuotaLedgerRules.QuotaUsage;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaLedgerRulesTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final QuotaView THREE_A_WEEK = new QuotaView("q-1", new QuotaSpec(null, null, null, "alice", QuotaPeriod.P1W,
            120, 3));

    static Charge charge(String bookingId, String start) {
        Instant at = Instant.parse(start);
        return Charge.of(bookingId, "r-1", null, new TimeRange(at, at.plusSeconds(1800)), BERLIN);
    }

    @Test
    void usage_shows_the_current_week_and_later_weeks_already_booked_but_not_past_ones() {
        List<Charge> live = List.of(charge("past", "2026-11-30T09:00:00Z"), charge("now", "2026-12-08T09:00:00Z"),
                charge("later", "2026-12-15T09:00:00Z"), charge("later2", "2026-12-16T09:00:00Z"));

        QuotaUsage usage = QuotaLedgerRules.usage(List.of(THREE_A_WEEK), live, Instant.parse("2026-12-07T12:00:00Z"),
                BERLIN).get(0);

        assertThat(usage.periodKey()).isEqualTo("2026-W50");
        assertThat(usage.usedBookings()).isEqualTo(1);
        assertThat(usage.usedMinutes()).isEqualTo(30);
        assertThat(usage.upcoming()).containsExactly(new PeriodUsage("2026-W51", 2, 60));
    }

    @Test
    void a_refusal_names_each_date_over_a_quota_once_as_a_quota_conflict() {
        Charge monday = charge("b", "2026-12-07T09:00:00Z");
        var excesses = QuotaLedgerRules.excesses(List.of(THREE_A_WEEK),
                List.of(charge("a1", "2026-12-08T09:00:00Z"), charge("a2", "2026-12-09T09:00:00Z"),
                        charge("a3", "2026-12-10T09:00:00Z")), List.of(monday));

        assertThat(excesses).extracting(QuotaEvents.Excess::measure).containsExactly(QuotaMeasure.BOOKINGS);
        assertThat(QuotaLedgerRules.conflicts(excesses)).singleElement()
                .satisfies(c -> assertThat(c.source()).isEqualTo(io.aura.kernel.schedule.Conflict.Source.QUOTA));
        assertThat(QuotaLedgerRules.violations(excesses).get(0).message())
                .isEqualTo("over quota q-1: at most 3 bookings in 2026-W50, this request would make 4");
    }
}
