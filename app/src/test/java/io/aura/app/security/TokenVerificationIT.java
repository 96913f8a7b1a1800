package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import io.aura.kernel.identity.Role;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every protected endpoint accepts only unexpired ES256 tokens signed by this server's key. */
class TokenVerificationIT extends IntegrationTest {

    @Autowired
    SigningKeys keys;

    private static final String ME = "/api/users/me";

    @Test
    void a_token_from_sign_in_opens_the_api() {
        var me = http.get(ME, adminToken);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("username").asString()).isEqualTo("admin");
        assertThat(me.body().get("roles").get(0).asString()).isEqualTo("ADMIN");
    }

    @Test
    void no_token_is_401_with_a_problem_answer() {
        var me = http.get(ME, null);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(me.body().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void an_unsigned_alg_none_token_is_401() {
        String header = b64("{\"alg\":\"none\"}");
        String claims = b64("{\"sub\":\"admin\",\"iss\":\"aura-scheduler\",\"aud\":\"aura-api\",\"roles\":[\"ADMIN\"],"
                + "\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        assertThat(http.get(ME, header + "." + claims + ".").status()).isEqualTo(401);
        assertThat(http.get(ME, header + "." + claims).status()).isEqualTo(401);
    }

    @Test
    void a_tampered_token_is_401() {
        String[] parts = http.token("admin", ADMIN_PASSWORD).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"admin\"", "\"root\"");
        assertThat(http.get(ME, parts[0] + "." + b64(claims) + "." + parts[2]).status()).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_401() {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String expired = new AccessTokens(keys, Duration.ofMinutes(15), anHourAgo).issue("admin", Set.of(Role.ADMIN))
                .token();
        assertThat(http.get(ME, expired).status()).isEqualTo(401);
    }

    @Test
    void a_token_signed_with_another_key_is_401() throws Exception {
        KeyPair other = Jwts.SIG.ES256.keyPair().build();
        String forged = new AccessTokens(new SigningKeys((java.security.interfaces.ECPrivateKey) other.getPrivate(),
                (java.security.interfaces.ECPublicKey) other.getPublic()), Duration.ofMinutes(5), Clock.systemUTC())
                .issue("admin", Set.of(Role.ADMIN)).token();
        assertThat(http.get(ME, forged).status()).isEqualTo(401);
        String namingOurKey = Jwts.builder().header().keyId(keys.keyId()).and().subject("admin")
                .issuer(AccessTokens.ISSUER).audience().add(AccessTokens.AUDIENCE).and().claim("roles", List.of("ADMIN"))
                .expiration(java.util.Date.from(Instant.now().plusSeconds(600)))
                .signWith(other.getPrivate(), Jwts.SIG.ES256).compact();
        assertThat(http.get(ME, namingOurKey).status()).isEqualTo(401);
    }

    @Test
    void a_token_signed_by_the_previous_key_still_opens_the_api_and_names_that_key() throws Exception {
        SigningKeys previous = new SigningKeys((java.security.interfaces.ECPrivateKey) PREVIOUS_SIGNING_KEY.getPrivate(),
                (java.security.interfaces.ECPublicKey) PREVIOUS_SIGNING_KEY.getPublic());
        String token = new AccessTokens(previous, Duration.ofMinutes(5), Clock.systemUTC())
                .issue("admin", Set.of(Role.ADMIN)).token();

        var me = http.get(ME, token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("username").asString()).isEqualTo("admin");
        assertThat(Jwts.parser().keyLocator(keys.verificationKeys()).build().parseSignedClaims(token).getHeader()
                .getKeyId()).isEqualTo(previous.keyId()).isNotEqualTo(keys.keyId());
    }

    @Test
    void the_jwks_lists_the_signing_key_first_and_the_previous_key_each_with_its_own_kid() {
        var jwks = http.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        List<String> kids = new java.util.ArrayList<>();
        jwks.body().get("keys").forEach(k -> kids.add(k.get("kid").asString()));
        String previousKid = new SigningKeys((java.security.interfaces.ECPrivateKey) PREVIOUS_SIGNING_KEY.getPrivate(),
                (java.security.interfaces.ECPublicKey) PREVIOUS_SIGNING_KEY.getPublic()).keyId();
        assertThat(kids).containsExactly(keys.keyId(), previousKid);
        assertThat(http.token("admin", ADMIN_PASSWORD)).satisfies(t -> assertThat(Jwts.parser()
                .keyLocator(keys.verificationKeys()).build().parseSignedClaims(t).getHeader().getKeyId())
                .isEqualTo(keys.keyId()));
    }

    @Test
    void an_hmac_token_keyed_with_the_public_key_is_401() {
        var secret = new SecretKeySpec(keys.publicKey().getEncoded(), "HmacSHA256");
        String confused = Jwts.builder().subject("admin").issuer(AccessTokens.ISSUER).audience()
                .add(AccessTokens.AUDIENCE).and().claim("roles", List.of("ADMIN"))
                .expiration(java.util.Date.from(Instant.now().plusSeconds(600)))
                .signWith(secret, Jwts.SIG.HS256).compact();
        assertThat(http.get(ME, confused).status()).isEqualTo(401);
    }

    @Test
    void tokens_verify_offline_with_the_published_jwks() {
        var jwks = http.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        Jwk<?> jwk = Jwks.parser().build().parse(jwks.body().get("keys").get(0).toString());
        var claims = Jwts.parser().verifyWith((PublicKey) jwk.toKey()).build()
                .parseSignedClaims(http.token("admin", ADMIN_PASSWORD)).getPayload();
        assertThat(claims.getSubject()).isEqualTo("admin");
        assertThat(claims.getIssuer()).isEqualTo("aura-scheduler");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
