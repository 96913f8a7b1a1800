package io.aura.app.security;

import io.aura.kernel.audit.AuditLog.Digest;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.util.Date;

/**
 * Audit anchors: ES256 JWTs over a digest of the event store up to an index ({@link Digest}), for
 * auditors to keep outside the system. They do not expire: an anchor from last year still proves
 * what the store held then. Verifiable with {@code /.well-known/jwks.json}; a separate audience, so
 * no other token passes as one.
 */
public final class AuditAnchors {
    public static final String AUDIENCE = "aura-audit-anchor";
    private static final String HEAD = "headIndex";
    private static final String EVENTS = "events";
    private static final String DIGEST = "sha256";

    private final SigningKeys keys;
    private final Clock clock;

    public AuditAnchors(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public String sign(Digest digest) {
        return Jwts.builder()
                .header().keyId(keys.keyId()).and()
                .issuer(AccessTokens.ISSUER)
                .audience().add(AUDIENCE).and()
                .claim(HEAD, digest.headIndex())
                .claim(EVENTS, digest.events())
                .claim(DIGEST, digest.sha256())
                .issuedAt(Date.from(clock.instant()))
                .signWith(keys.privateKey(), Jwts.SIG.ES256)
                .compact();
    }

    /** @throws JwtException unless signed by our key with ES256 for this audience and naming a digest */
    public Digest verify(String anchor) {
        Claims claims = Jwts.parser()
                .keyLocator(keys.verificationKeys())
                .requireIssuer(AccessTokens.ISSUER)
                .requireAudience(AUDIENCE)
                .build()
                .parseSignedClaims(anchor)
                .getPayload();
        Number head = claims.get(HEAD, Number.class);
        Number events = claims.get(EVENTS, Number.class);
        String digest = claims.get(DIGEST, String.class);
        if (head == null || events == null || digest == null) {
            throw new JwtException("the anchor names no digest");
        }
        return new Digest(head.longValue(), events.longValue(), digest);
    }
}
