package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.kernel.identity.Role;
import io.jsonwebtoken.JwtException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token verified once is known until it expires, and nothing else is taken for it. */
class AccessTokensTest {
    @TempDir
    Path dataDir;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2030-01-07T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_token_verified_before_is_accepted_again_until_it_expires_and_not_after() {
        MovableClock clock = new MovableClock();
        AccessTokens tokens = new AccessTokens(SigningKeys.load(null, null, dataDir), Duration.ofMinutes(15), clock);
        String token = tokens.issue("alice", Set.of(Role.REQUESTER)).token();

        assertThat(tokens.verify(token).username()).isEqualTo("alice");
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(tokens.verify(token).roles()).containsExactly(Role.REQUESTER);
        clock.now = clock.now.plus(Duration.ofMinutes(2));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void a_token_altered_after_a_genuine_one_was_verified_is_still_refused() {
        AccessTokens tokens = new AccessTokens(SigningKeys.load(null, null, dataDir), Duration.ofMinutes(15),
                new MovableClock());
        String token = tokens.issue("alice", Set.of(Role.REQUESTER)).token();
        tokens.verify(token);
        String[] parts = token.split("\\.");
        String admin = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("REQUESTER", "ADMIN").getBytes());

        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + admin + "." + parts[2])).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + parts[1] + ".")).isInstanceOf(JwtException.class);
    }
}
