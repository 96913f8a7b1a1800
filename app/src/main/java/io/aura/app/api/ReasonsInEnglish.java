package io.aura.app.api;

import io.aura.kernel.booking.Reason;
import java.util.List;

/**
 * The API's words for the ranker's reasons (ADR 0054): the English {@code reasons[]} has said since ADR 0049, kept
 * word for word because integrations read it. The web UI words the same values from its bundles instead; a new
 * {@link io.aura.kernel.booking.ReasonCode} does not compile here until it has its text.
 */
public final class ReasonsInEnglish {
    private ReasonsInEnglish() {}

    public static List<String> of(List<Reason> reasons) {
        return reasons.stream().map(ReasonsInEnglish::of).toList();
    }

    public static String of(Reason r) {
        return switch (r.code()) {
            case FREE -> "free, buffers included";
            case LIKELY_QUIET -> "likely quiet" + model(r);
            case SOMETIMES_TAKEN -> "sometimes taken" + model(r);
            case LIKELY_CONTENDED -> "likely contended" + model(r);
            case USUALLY_QUIET -> "usually quiet at this hour (" + r.number(0) + "% booked in recent weeks)";
            case OFTEN_BUSY -> "often busy at this hour (" + r.number(0) + "% booked in recent weeks)";
            case SEATS -> "seats " + r.number(0) + " for " + r.number(1) + (r.number(1) == 1 ? " attendee" : " attendees");
            case WORKING_HOURS -> "within working hours (Mon–Fri 08:00–18:00, " + r.text(0) + ")";
            case APPROVED_WITHIN_A_DAY -> "approved within a day " + r.number(0) + " times in 10" + median(r);
            case APPROVED -> "approved " + r.number(0) + " times in 10" + median(r);
            case USUALLY_DECLINED -> "usually declined here (" + r.number(0) + " of " + r.number(1)
                    + " requests not approved)" + median(r);
            case OFTEN_RELEASED_UNUSED -> "often released unused (" + r.number(0) + " of " + r.number(1)
                    + " bookings here cancelled or not checked in)";
            case USUALLY_USED -> "bookings here are usually used";
            case REFUSED_TOOK_SAME_TIME_ELSEWHERE -> "people refused here usually took the same time in another room";
            case REFUSED_TOOK_OTHER_TIME_HERE -> "people refused here usually took another time in this room";
        };
    }

    private static String model(Reason r) {
        return " at this hour (contention model: " + r.number(0) + "% chance it fills)";
    }

    private static String median(Reason r) {
        return r.median().map(span -> " (median decision " + span.amount() + " " + switch (span.unit()) {
            case MINUTES -> "minutes";
            case HOURS -> "hours";
            case DAYS -> "days";
        } + ")").orElse("");
    }
}
