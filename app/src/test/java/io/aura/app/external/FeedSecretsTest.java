package io.aura.app.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.security.SigningKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedSecretsTest {
    @TempDir
    Path dir;

    @Test
    void a_secret_is_256_url_safe_bits_made_again_from_its_nonce_and_new_with_each_nonce() {
        FeedSecrets secrets = new FeedSecrets(SigningKeys.load(null, null, dir));
        String nonce = secrets.newNonce();

        String secret = secrets.secret("alice", nonce);

        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(FeedSecrets.wellFormed(secret)).isTrue();
        assertThat(secrets.secret("alice", nonce)).isEqualTo(secret);
        assertThat(secrets.secret("alice", secrets.newNonce())).isNotEqualTo(secret);
        assertThat(secrets.secret("bob", nonce)).isNotEqualTo(secret);
        assertThat(FeedSecrets.matches(secret, FeedSecrets.hash(secret))).isTrue();
        assertThat(FeedSecrets.hash(secret)).hasSize(64).doesNotContain(secret);
    }

    @Test
    void another_server_key_makes_other_secrets_from_the_same_recorded_nonce() {
        String nonce = "AAAAAAAAAAAAAAAAAAAAAA";
        String here = new FeedSecrets(SigningKeys.load(null, null, dir.resolve("a"))).secret("alice", nonce);
        String elsewhere = new FeedSecrets(SigningKeys.load(null, null, dir.resolve("b"))).secret("alice", nonce);

        assertThat(here).isNotEqualTo(elsewhere);
    }
}
