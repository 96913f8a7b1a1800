package io.aura.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.Reason;
import io.aura.kernel.booking.ReasonCode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The API's {@code reasons[]} say word for word what they said before reasons became values (ADR 0049, 0054). */
class ReasonsInEnglishTest {

    @Test
    void every_reason_code_reads_as_the_english_the_api_has_always_answered() {
        Map<Reason, String> before = new LinkedHashMap<>();
        before.put(Reason.of(ReasonCode.FREE), "free, buffers included");
        before.put(Reason.of(ReasonCode.LIKELY_QUIET, 10), "likely quiet at this hour (contention model: 10% chance it fills)");
        before.put(Reason.of(ReasonCode.SOMETIMES_TAKEN, 40),
                "sometimes taken at this hour (contention model: 40% chance it fills)");
        before.put(Reason.of(ReasonCode.LIKELY_CONTENDED, 90),
                "likely contended at this hour (contention model: 90% chance it fills)");
        before.put(Reason.of(ReasonCode.USUALLY_QUIET, 12), "usually quiet at this hour (12% booked in recent weeks)");
        before.put(Reason.of(ReasonCode.OFTEN_BUSY, 80), "often busy at this hour (80% booked in recent weeks)");
        before.put(Reason.of(ReasonCode.SEATS, 8, 6), "seats 8 for 6 attendees");
        before.put(Reason.of(ReasonCode.SEATS, 1200, 1), "seats 1200 for 1 attendee");
        before.put(Reason.of(ReasonCode.WORKING_HOURS, "Europe/Berlin"),
                "within working hours (Mon–Fri 08:00–18:00, Europe/Berlin)");
        before.put(Reason.of(ReasonCode.APPROVED_WITHIN_A_DAY, 9, 180),
                "approved within a day 9 times in 10 (median decision 3 hours)");
        before.put(Reason.of(ReasonCode.APPROVED_WITHIN_A_DAY, 9), "approved within a day 9 times in 10");
        before.put(Reason.of(ReasonCode.APPROVED, 7, 45), "approved 7 times in 10 (median decision 45 minutes)");
        before.put(Reason.of(ReasonCode.USUALLY_DECLINED, 3, 4, 600),
                "usually declined here (3 of 4 requests not approved) (median decision 10 hours)");
        before.put(Reason.of(ReasonCode.USUALLY_DECLINED, 3, 4, 3000),
                "usually declined here (3 of 4 requests not approved) (median decision 2 days)");
        before.put(Reason.of(ReasonCode.OFTEN_RELEASED_UNUSED, 3, 8),
                "often released unused (3 of 8 bookings here cancelled or not checked in)");
        before.put(Reason.of(ReasonCode.USUALLY_USED), "bookings here are usually used");
        before.put(Reason.of(ReasonCode.REFUSED_TOOK_SAME_TIME_ELSEWHERE),
                "people refused here usually took the same time in another room");
        before.put(Reason.of(ReasonCode.REFUSED_TOOK_OTHER_TIME_HERE),
                "people refused here usually took another time in this room");

        Set<ReasonCode> covered = EnumSet.noneOf(ReasonCode.class);
        before.forEach((reason, english) -> {
            assertThat(ReasonsInEnglish.of(reason)).as(reason.toString()).isEqualTo(english);
            covered.add(reason.code());
        });
        assertThat(covered).isEqualTo(EnumSet.allOf(ReasonCode.class));
    }
}
