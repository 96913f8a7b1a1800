package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Roles are checked on the server: a valid token with the wrong role is a 403 and changes nothing. */
class RoleChecksIT extends IntegrationTest {

    @Test
    void a_requester_may_not_create_resources_or_users_and_nothing_is_recorded() {
        String requester = userWithRoles(unique("req"), "REQUESTER");
        long before = storedEvents();

        var resource = http.post("/api/resources", requester,
                Map.of("name", "Hall", "capacity", 100, "timeZone", "Europe/Paris"));
        var user = http.post("/api/users", requester,
                Map.of("username", unique("mallory"), "password", "long-enough-password", "roles", List.of("ADMIN")));

        assertThat(resource.status()).isEqualTo(403);
        assertThat(user.status()).isEqualTo(403);
        assertThat(resource.body().get("status").asInt()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void any_signed_in_user_may_list_resources_and_see_who_they_are() {
        String auditor = userWithRoles(unique("aud"), "AUDITOR");
        assertThat(http.get("/api/resources", auditor).status()).isEqualTo(200);
        assertThat(http.get("/api/users/me", auditor).body().get("roles").get(0).asString()).isEqualTo("AUDITOR");
    }

    @Test
    void metrics_are_for_administrators_only() {
        String requester = userWithRoles(unique("req"), "REQUESTER");
        assertThat(http.get("/actuator/prometheus", requester).status()).isEqualTo(403);
        assertThat(http.get("/actuator/prometheus", adminToken).status()).isEqualTo(200);
    }

    @Test
    void health_and_the_api_description_are_open() {
        var health = http.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        var docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").propertyNames()).contains(
                "/api/auth/token", "/api/users", "/api/users/me", "/api/resources", "/.well-known/jwks.json");
    }
}
