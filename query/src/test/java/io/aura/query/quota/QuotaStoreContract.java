package io.aura.query.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaEvents.QuotaDefined;
import io.aura.kernel.quota.QuotaEvents.QuotaReleased;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every quota store does, whichever database holds it (SQL and MongoDB subclasses). */
abstract class QuotaStoreContract {
    static final QuotaSpec THREE_A_WEEK = new QuotaSpec(null, null, "REQUESTER", null, QuotaPeriod.P1W, null, 3);
    static final QuotaSpec TWO_HOURS_IN_LAB = new QuotaSpec("r-lab", "lab", null, "alice", QuotaPeriod.P1M, 120, null);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    abstract QuotaStore store();

    static Charge charge(String bookingId, String start) {
        Instant at = Instant.parse(start);
        return Charge.of(bookingId, "r-1", null, new TimeRange(at, at.plusSeconds(3600)), BERLIN);
    }

    @Test
    void a_defined_quota_is_listed_and_found_with_every_field_and_a_removed_one_is_gone() {
        store().save(QuotaFold.defined(new QuotaDefined("q-2", TWO_HOURS_IN_LAB)));
        store().save(QuotaFold.defined(new QuotaDefined("q-1", THREE_A_WEEK)));

        assertThat(store().quotas()).containsExactly(new QuotaView("q-1", THREE_A_WEEK),
                new QuotaView("q-2", TWO_HOURS_IN_LAB));
        assertThat(store().quota("q-2")).contains(new QuotaView("q-2", TWO_HOURS_IN_LAB));

        store().remove("q-2");

        assertThat(store().quota("q-2")).isEmpty();
        assertThat(store().quotas()).containsExactly(new QuotaView("q-1", THREE_A_WEEK));
    }

    @Test
    void a_persons_counted_dates_are_kept_per_booking_and_a_release_drops_just_its_dates() {
        Charge monday = charge("b-1", "2026-12-07T09:00:00Z");
        Charge tuesday = charge("b-1", "2026-12-08T09:00:00Z");
        Charge other = charge("b-2", "2026-12-09T09:00:00Z");
        store().saveCharges("alice", "b-1", List.of(tuesday, monday));
        store().saveCharges("alice", "b-2", List.of(other));
        store().saveCharges("bob", "b-3", List.of(charge("b-3", "2026-12-09T09:00:00Z")));

        assertThat(store().chargesOf("alice")).containsExactly(monday, tuesday, other);

        store().saveCharges("alice", "b-1", QuotaFold.released(store().chargesOf("alice", "b-1"),
                new QuotaReleased("quota-ledger:alice", "alice", "b-1", List.of(tuesday.occurrence()))));
        assertThat(store().chargesOf("alice", "b-1")).containsExactly(monday);

        store().saveCharges("alice", "b-1", List.of());
        assertThat(store().chargesOf("alice")).containsExactly(other);
        assertThat(store().chargesOf("carol")).isEmpty();
    }

    @Test
    void a_redelivered_event_saves_the_same_again() {
        Charge monday = charge("b-1", "2026-12-07T09:00:00Z");
        store().save(new QuotaView("q-1", THREE_A_WEEK));
        store().save(new QuotaView("q-1", THREE_A_WEEK));
        store().saveCharges("alice", "b-1", List.of(monday));
        store().saveCharges("alice", "b-1", List.of(monday));

        assertThat(store().quotas()).hasSize(1);
        assertThat(store().chargesOf("alice")).containsExactly(monday);
    }

    @Test
    void clearing_forgets_everything() {
        store().save(new QuotaView("q-1", THREE_A_WEEK));
        store().saveCharges("alice", "b-1", List.of(charge("b-1", "2026-12-07T09:00:00Z")));

        store().clear();

        assertThat(store().quotas()).isEmpty();
        assertThat(store().chargesOf("alice")).isEmpty();
    }
}
