package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.kernel.identity.Role;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.InvalidKeyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    @TempDir
    Path dataDir;

    private static final KeyPair CURRENT = Jwts.SIG.ES256.keyPair().build();
    private static final KeyPair PREVIOUS = Jwts.SIG.ES256.keyPair().build();

    private static String der(java.security.Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static String pem(String label, java.security.Key key) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                key.getEncoded()) + "\n-----END " + label + "-----\n";
    }

    private static SigningKeys of(KeyPair pair) {
        return new SigningKeys((java.security.interfaces.ECPrivateKey) pair.getPrivate(),
                (java.security.interfaces.ECPublicKey) pair.getPublic());
    }

    private static String tokenBy(SigningKeys keys) {
        return new AccessTokens(keys, Duration.ofMinutes(5), Clock.systemUTC()).issue("ada", Set.of(Role.ADMIN))
                .token();
    }

    @Test
    void a_generated_key_and_its_folder_are_the_owners_alone_and_the_same_key_is_loaded_again() throws Exception {
        SigningKeys generated = SigningKeys.load(null, null, dataDir);

        Path keys = dataDir.resolve("keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("jwt-es256-private.der"))))
                .isEqualTo("rw-------");
        assertThat(SigningKeys.load(null, null, dataDir).keyId()).isEqualTo(generated.keyId());
    }

    @Test
    void a_profile_of_several_nodes_refuses_to_start_without_keys_and_says_what_to_set() {
        for (String profile : List.of("postgres", "production")) {
            assertThatThrownBy(() -> SigningKeys.loadFor(new SigningKeys.Settings(null, " "), List.of(profile), dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'" + profile + "' profile")
                    .hasMessageContaining("AURA_JWT_PRIVATE_KEY")
                    .hasMessageContaining("AURA_JWT_PUBLIC_KEY")
                    .hasMessageContaining("openssl");
        }
        assertThat(dataDir.resolve("keys")).doesNotExist();
    }

    @Test
    void a_profile_of_several_nodes_starts_with_the_keys_from_the_environment_in_pem_or_base64_der() {
        SigningKeys fromPem = SigningKeys.loadFor(new SigningKeys.Settings(pem("PRIVATE KEY", CURRENT.getPrivate()),
                pem("PUBLIC KEY", CURRENT.getPublic())), List.of("postgres"), dataDir);
        SigningKeys fromDer = SigningKeys.loadFor(new SigningKeys.Settings(der(CURRENT.getPrivate()),
                der(CURRENT.getPublic())), List.of("production"), dataDir);

        assertThat(fromPem.keyId()).isEqualTo(of(CURRENT).keyId()).isEqualTo(fromDer.keyId());
        assertThat(dataDir.resolve("keys")).doesNotExist();
    }

    @Test
    void one_half_alone_or_halves_of_two_keys_are_refused_in_every_profile() {
        assertThatThrownBy(() -> SigningKeys.loadFor(new SigningKeys.Settings(der(CURRENT.getPrivate()), null), List.of(),
                dataDir)).hasMessageContaining("Only AURA_JWT_PRIVATE_KEY is set");
        assertThatThrownBy(() -> SigningKeys.loadFor(new SigningKeys.Settings(der(CURRENT.getPrivate()),
                der(PREVIOUS.getPublic())), List.of(), dataDir))
                .hasMessageContaining("AURA_JWT_PUBLIC_KEY is not the public half of AURA_JWT_PRIVATE_KEY");
        assertThatThrownBy(() -> SigningKeys.loadFor(new SigningKeys.Settings(der(CURRENT.getPrivate()),
                der(CURRENT.getPublic()), "not a key!", null), List.of(), dataDir))
                .hasMessageContaining("AURA_JWT_PREVIOUS_PUBLIC_KEYS");
    }

    @Test
    void after_a_rotation_the_new_key_signs_and_the_previous_one_still_verifies_both_in_the_jwks() {
        SigningKeys rotated = SigningKeys.loadFor(new SigningKeys.Settings(der(CURRENT.getPrivate()),
                der(CURRENT.getPublic()), pem("PUBLIC KEY", PREVIOUS.getPublic()) + ", ", null), List.of("postgres"),
                dataDir);

        String fromBefore = tokenBy(of(PREVIOUS));
        String fromNow = tokenBy(rotated);
        assertThat(new AccessTokens(rotated, Duration.ofMinutes(5), Clock.systemUTC()).verify(fromBefore).username())
                .isEqualTo("ada");
        assertThat(Jwts.parser().keyLocator(rotated.verificationKeys()).build().parseSignedClaims(fromNow).getHeader()
                .getKeyId()).isEqualTo(of(CURRENT).keyId());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> published = (List<Map<String, Object>>) rotated.jwks().get("keys");
        assertThat(published).extracting(k -> k.get("kid")).containsExactly(of(CURRENT).keyId(), of(PREVIOUS).keyId());
    }

    @Test
    void once_removed_the_previous_key_verifies_nothing() {
        SigningKeys afterRemoval = SigningKeys.loadFor(new SigningKeys.Settings(der(CURRENT.getPrivate()),
                der(CURRENT.getPublic())), List.of("postgres"), dataDir);

        assertThatThrownBy(() -> new AccessTokens(afterRemoval, Duration.ofMinutes(5), Clock.systemUTC())
                .verify(tokenBy(of(PREVIOUS)))).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining(of(PREVIOUS).keyId());
    }

    @Test
    void the_embedded_default_keeps_its_local_key_and_accepts_previous_keys_too() {
        SigningKeys local = SigningKeys.load(null, null, dataDir);
        SigningKeys withPrevious = SigningKeys.loadFor(new SigningKeys.Settings(null, null, der(PREVIOUS.getPublic()),
                null), List.of(), dataDir);

        assertThat(withPrevious.keyId()).isEqualTo(local.keyId());
        assertThat(new AccessTokens(withPrevious, Duration.ofMinutes(5), Clock.systemUTC())
                .verify(tokenBy(of(PREVIOUS))).username()).isEqualTo("ada");
    }

    @Test
    void the_calendar_feed_key_can_outlive_the_signing_key_it_came_from() {
        SigningKeys before = of(PREVIOUS);
        SigningKeys rotated = SigningKeys.loadFor(new SigningKeys.Settings(der(CURRENT.getPrivate()),
                der(CURRENT.getPublic()), der(PREVIOUS.getPublic()), der(PREVIOUS.getPrivate())), List.of(), dataDir);

        assertThat(rotated.feedKeyMaterial()).isEqualTo(before.feedKeyMaterial());
        assertThat(of(CURRENT).feedKeyMaterial()).isNotEqualTo(before.feedKeyMaterial());
    }
}
