package io.aura.app.security;

import io.aura.kernel.identity.Role;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies the API's access tokens: ES256-signed JWTs with issuer, audience, expiry
 * and the caller's roles. Verification accepts only tokens signed by our key with ES256; jjwt
 * refuses unsigned ({@code alg: none}) tokens when a verification key is set, and an EC public
 * key cannot be abused as an HMAC secret.
 */
public final class AccessTokens {
    public static final String ISSUER = "aura-scheduler";
    public static final String AUDIENCE = "aura-api";
    private static final String ROLES = "roles";

    /** Tokens already verified, until they expire: an ES256 check costs ~1 ms of CPU on every request. */
    static final int VERIFIED_CACHE_SIZE = 10_000;

    private final SigningKeys keys;
    private final Duration ttl;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentHashMap<String, Checked> verified =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Checked(Verified verified, Instant expiresAt) {}

    public AccessTokens(SigningKeys keys, Duration ttl, Clock clock) {
        this.keys = keys;
        this.ttl = ttl;
        this.clock = clock;
    }

    public record Issued(String token, long expiresInSeconds) {}

    public record Verified(String username, Set<Role> roles) {}

    public Issued issue(String username, Collection<Role> roles) {
        Instant now = clock.instant();
        String token = Jwts.builder()
                .header().keyId(keys.keyId()).and()
                .id(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .audience().add(AUDIENCE).and()
                .subject(username)
                .claim(ROLES, roles.stream().map(Role::name).sorted().toList())
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(keys.privateKey(), Jwts.SIG.ES256)
                .compact();
        return new Issued(token, ttl.toSeconds());
    }

    /**
     * @throws JwtException for anything but a valid, unexpired access token signed by our key. A token
     *     that passed every check before is recognised by its exact text until it expires; only a
     *     token whose signature was verified is ever remembered.
     */
    public Verified verify(String token) {
        Checked known = verified.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.expiresAt())) {
                return known.verified();
            }
            verified.remove(token);
        }
        Claims claims = Jwts.parser()
                .keyLocator(keys.verificationKeys())
                .requireIssuer(ISSUER)
                .requireAudience(AUDIENCE)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(30)
                .build()
                .parseSignedClaims(token)
                .getPayload();
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new JwtException("token names no subject");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object raw = claims.get(ROLES);
        if (raw instanceof List<?> list) {
            for (Object r : list) {
                try {
                    roles.add(Role.valueOf(String.valueOf(r)));
                } catch (IllegalArgumentException ignored) {
                    // an unknown role grants nothing
                }
            }
        }
        Verified result = new Verified(subject, Set.copyOf(roles));
        if (claims.getExpiration() != null) {
            if (verified.size() >= VERIFIED_CACHE_SIZE) {
                verified.clear(); // bounded: the next requests verify again
            }
            verified.put(token, new Checked(result, claims.getExpiration().toInstant()));
        }
        return result;
    }
}
