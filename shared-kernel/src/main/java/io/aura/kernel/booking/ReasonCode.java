package io.aura.kernel.booking;

/**
 * Every kind of reason the ranker gives for a slot (ADR 0054), with how many values it quotes. The API words each
 * in its English of ADR 0049, the web UI in the viewer's language ({@code booking.reason.<CODE>} in its bundles; a
 * test keeps them complete). A percentage is quoted as a whole number (12 for 12%).
 */
public enum ReasonCode {
    /** No value: the slot is free, its buffers included. */
    FREE(0),
    /** The contention model's chance (percent) that the hour fills: 25 or less. */
    LIKELY_QUIET(1),
    /** The contention model's chance (percent) that the hour fills: between 25 and 60. */
    SOMETIMES_TAKEN(1),
    /** The contention model's chance (percent) that the hour fills: 60 or more. */
    LIKELY_CONTENDED(1),
    /** Percent booked at this local hour in recent weeks: 25 or less. */
    USUALLY_QUIET(1),
    /** Percent booked at this local hour in recent weeks: 60 or more. */
    OFTEN_BUSY(1),
    /** Seats, attendees. */
    SEATS(2),
    /** The resource's time zone (an IANA id) the working hours Mon–Fri 08:00–18:00 are in. */
    WORKING_HOURS(1),
    /** Times in 10 a request here was approved within a day; then, if known, the median decision in minutes. */
    APPROVED_WITHIN_A_DAY(1, true),
    /** Times in 10 a request here was approved (not always within a day); then the median decision, if known. */
    APPROVED(1, true),
    /** Requests not approved, requests decided; then the median decision in minutes, if known. */
    USUALLY_DECLINED(2, true),
    /** Bookings released unused (cancelled or not checked in), bookings held. */
    OFTEN_RELEASED_UNUSED(2),
    /** No value: bookings here are usually used. */
    USUALLY_USED(0),
    /** No value: after a refusal here, people usually took the same time in another room. */
    REFUSED_TOOK_SAME_TIME_ELSEWHERE(0),
    /** No value: after a refusal here, people usually took another time in this room. */
    REFUSED_TOOK_OTHER_TIME_HERE(0);

    private final int quoted;
    private final boolean median;

    ReasonCode(int values) {
        this(values, false);
    }

    ReasonCode(int values, boolean median) {
        this.quoted = values;
        this.median = median;
    }

    /** How many values a reason of this kind quotes, the optional median decision not counted. */
    public int quoted() {
        return quoted;
    }

    /** Whether a median decision time (minutes) may follow the values. */
    public boolean mayQuoteMedian() {
        return median;
    }
}
