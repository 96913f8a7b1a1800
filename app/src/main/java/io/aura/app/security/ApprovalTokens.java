package io.aura.app.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Approval tokens: ES256 JWTs, signed with the same key as access tokens (one JWKS), naming one
 * approval, one approver and one level, with an expiry and a unique id ({@code jti}). Their own
 * audience keeps them apart from access tokens: neither is accepted where the other belongs.
 * Whether a token is still usable (not used, not revoked) is the approval aggregate's decision.
 */
public final class ApprovalTokens {
    public static final String AUDIENCE = "aura-approval";
    private static final String APPROVAL = "approval";
    private static final String LEVEL = "level";

    private final SigningKeys keys;
    private final Clock clock;

    public ApprovalTokens(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** What a verified token says. {@code expired}: signed by us, but past its expiry. */
    public record Claimed(String tokenId, String approvalId, String approver, int level, Instant expiresAt,
                          boolean expired) {}

    public String sign(String tokenId, String approvalId, String approver, int level, Instant expiresAt) {
        return Jwts.builder()
                .header().keyId(keys.keyId()).and()
                .id(tokenId)
                .issuer(AccessTokens.ISSUER)
                .audience().add(AUDIENCE).and()
                .subject(approver)
                .claim(APPROVAL, approvalId)
                .claim(LEVEL, level)
                .issuedAt(Date.from(clock.instant()))
                .expiration(Date.from(expiresAt))
                .signWith(keys.privateKey(), Jwts.SIG.ES256)
                .compact();
    }

    /**
     * @throws JwtException unless the token is signed by our key with ES256 for this audience and
     *     names an approval, an approver, a level and an id. An expired but genuine token is returned
     *     with {@code expired} set, so that its refusal can be recorded on the approval.
     */
    public Claimed verify(String token) {
        Claims claims;
        boolean expired = false;
        try {
            claims = Jwts.parser()
                    .keyLocator(keys.verificationKeys())
                    .requireIssuer(AccessTokens.ISSUER)
                    .requireAudience(AUDIENCE)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
        } catch (ExpiredJwtException e) {
            // jjwt checks the signature before the expiry: these claims are ours.
            claims = e.getClaims();
            expired = true;
            if (!AccessTokens.ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null
                    || !claims.getAudience().contains(AUDIENCE)) {
                throw new JwtException("not an approval token");
            }
        }
        String approvalId = claims.get(APPROVAL, String.class);
        Integer level = claims.get(LEVEL, Integer.class);
        if (claims.getId() == null || approvalId == null || level == null || claims.getSubject() == null
                || claims.getExpiration() == null) {
            throw new JwtException("the token does not name an approval, approver, level and id");
        }
        return new Claimed(claims.getId(), approvalId, claims.getSubject(), level, claims.getExpiration().toInstant(),
                expired);
    }
}
