package io.aura.app.security;

import io.aura.kernel.booking.BookingProofs;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Booking tokens: ES256 JWTs proving a confirmed booking (id, resource, start, end), verifiable by
 * anyone with {@code /.well-known/jwks.json}, e.g. a door panel that is offline. They expire when
 * the booking ends.
 */
public final class BookingTokens implements BookingProofs {
    public static final String AUDIENCE = "aura-booking";

    private final SigningKeys keys;
    private final Clock clock;

    public BookingTokens(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public String sign(String bookingId, String resourceId, Instant start, Instant end) {
        return Jwts.builder()
                .header().keyId(keys.keyId()).and()
                .issuer(AccessTokens.ISSUER)
                .audience().add(AUDIENCE).and()
                .subject(bookingId)
                .claim("resourceId", resourceId)
                .claim("start", start.toString())
                .claim("end", end.toString())
                .issuedAt(Date.from(clock.instant()))
                .expiration(Date.from(end))
                .signWith(keys.privateKey(), Jwts.SIG.ES256)
                .compact();
    }
}
