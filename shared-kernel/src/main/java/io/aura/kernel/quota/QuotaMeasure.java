package io.aura.kernel.quota;

/** What a quota counts: bookings (each date of a series is one) or booked minutes. */
public enum QuotaMeasure {
    BOOKINGS,
    MINUTES
}
