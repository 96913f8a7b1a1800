package io.aura.kernel.booking;

import java.time.Instant;

/** Signs the proof of a confirmed booking (a booking token); implemented where the signing key lives. */
public interface BookingProofs {
    String sign(String bookingId, String resourceId, Instant start, Instant end);
}
