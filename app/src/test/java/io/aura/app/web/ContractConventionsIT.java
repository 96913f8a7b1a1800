package io.aura.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API.md "Conventions" and "Identity", where no other test holds them. */
class ContractConventionsIT extends IntegrationTest {

    @Test
    void the_token_answer_has_its_type_and_lifetime() {
        var answer = http.post("/api/auth/token", null, Map.of("username", "admin", "password", ADMIN_PASSWORD));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(answer.body().get("expires_in").asLong()).isPositive();
    }

    @Test
    void a_stale_bearer_token_does_not_stop_the_endpoints_that_need_none_but_still_stops_the_rest() {
        String stale = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.";

        assertThat(http.post("/api/auth/token", stale, Map.of("username", "admin", "password", ADMIN_PASSWORD)).status())
                .isEqualTo(200);
        assertThat(http.get("/actuator/health", stale).status()).isEqualTo(200);
        assertThat(http.get("/.well-known/jwks.json", stale).status()).isEqualTo(200);
        assertThat(http.post("/approvals/authorize", stale, Map.of("token", "not-a-token", "decision", "APPROVE")).status())
                .isEqualTo(401); // the approval token is the credential here, and it is bad
        assertThat(http.get("/api/users/me", stale).status()).isEqualTo(401);
        assertThat(http.get("/api/resources", stale).status()).isEqualTo(401);
    }

    @Test
    void a_missing_required_parameter_is_a_400_problem_naming_it() {
        var answer = http.get("/events/status", adminToken);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo("bookingId");
    }

    @Test
    void not_found_is_a_problem_that_says_what_was_looked_for() {
        for (String path : new String[] {"/api/resources/no-such-room", "/api/approvals/no-such-approval"}) {
            var answer = http.get(path, adminToken);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.raw().headers().firstValue("Content-Type").orElse("")).as(path)
                    .contains("application/problem+json");
            assertThat(answer.body().get("detail").asString()).as(path).contains("no-such-");
        }
        var webhook = http.delete("/api/webhooks/no-such-webhook", adminToken);
        assertThat(webhook.status()).isEqualTo(404);
        assertThat(webhook.body().get("detail").asString()).contains("no-such-webhook");
    }
}
