package io.aura.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Roles revoked and users disabled (API.md v1.1): what a request may do is what the account's events
 * say now, not what its token or session said when it was issued.
 */
class UserAccessIT extends IntegrationTest {

    private String password(String name) {
        return name + "-password-1";
    }

    private long eventsOf(String aggregateId, String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND "
                + "payloadType LIKE ?", Long.class, aggregateId, "%$" + type);
    }

    @Test
    void a_token_of_a_user_who_is_then_disabled_is_refused_at_its_next_request() {
        String name = unique("dora");
        String token = userWithRoles(name, "REQUESTER");
        assertThat(http.get("/api/users/me", token).status()).isEqualTo(200);

        var disabled = http.post("/api/users/" + name + "/disable", adminToken, Map.of());

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().get("disabled").asBoolean()).isTrue();
        var refused = http.get("/api/users/me", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(http.get("/api/resources", token).status()).isEqualTo(401);
        String metaData = new String((byte[]) jdbc.queryForObject("SELECT metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND payloadType LIKE '%UserDisabled'", byte[].class, name),
                StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"actor\":\"admin\"");
    }

    @Test
    void a_token_still_naming_admin_after_admin_was_revoked_is_403_on_an_admin_endpoint() {
        String name = unique("ada");
        String token = userWithRoles(name, "ADMIN", "REQUESTER");
        assertThat(http.get("/api/users", token).status()).isEqualTo(200);

        var revoked = http.delete("/api/users/" + name + "/roles/ADMIN", adminToken);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("username").asString()).isEqualTo(name);
        assertThat(revoked.body().get("roles").toString()).isEqualTo("[\"REQUESTER\"]");
        assertThat(http.get("/api/users", token).status()).isEqualTo(403);
        assertThat(http.post("/api/users", token, Map.of("username", unique("mallory"), "password",
                "long-enough-password", "roles", List.of("ADMIN"))).status()).isEqualTo(403);
        assertThat(http.get("/api/users/me", token).body().get("roles").toString()).isEqualTo("[\"REQUESTER\"]");
        assertThat(http.get("/api/resources", token).status()).isEqualTo(200);
        String metaData = new String((byte[]) jdbc.queryForObject("SELECT metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND payloadType LIKE '%RoleRevoked'", byte[].class, name),
                StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"actor\":\"admin\"");
    }

    @Test
    void revoking_a_role_not_held_or_disabling_twice_records_nothing_more() {
        String name = unique("ned");
        userWithRoles(name, "REQUESTER");
        long before = storedEvents();

        assertThat(http.delete("/api/users/" + name + "/roles/AUDITOR", adminToken).status()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(http.post("/api/users/" + name + "/disable", adminToken, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/users/" + name + "/disable", adminToken, Map.of()).status()).isEqualTo(200);
        assertThat(eventsOf(name, "UserDisabled")).isEqualTo(1);
    }

    @Test
    void a_revoked_role_granted_again_works_again() {
        String name = unique("rita");
        String token = userWithRoles(name, "REQUESTER", "APPROVER");
        http.delete("/api/users/" + name + "/roles/APPROVER", adminToken);
        assertThat(http.get("/api/approvals", token).status()).isEqualTo(403);

        http.post("/api/users/" + name + "/roles", adminToken, Map.of("roles", List.of("APPROVER")));

        assertThat(http.get("/api/approvals", token).status()).isEqualTo(200);
    }

    @Test
    void the_list_of_users_shows_who_is_disabled_and_is_for_administrators_only() {
        String gone = unique("gone");
        String here = unique("here");
        userWithRoles(gone, "APPROVER");
        String hereToken = userWithRoles(here, "REQUESTER");
        http.post("/api/users/" + gone + "/disable", adminToken, Map.of());

        var list = http.get("/api/users", adminToken);

        assertThat(list.status()).isEqualTo(200);
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        list.body().forEach(u -> byName.put(u.get("username").asString(), u));
        assertThat(byName.get(gone).get("disabled").asBoolean()).isTrue();
        assertThat(byName.get(gone).get("roles").toString()).isEqualTo("[\"APPROVER\"]");
        assertThat(byName.get(here).get("disabled").asBoolean()).isFalse();
        assertThat(byName.get("admin").get("displayName").asString()).isEqualTo("Administrator");
        assertThat(byName.get(here).has("email")).isTrue();
        assertThat(http.get("/api/users", hereToken).status()).isEqualTo(403);
    }

    @Test
    void a_disabled_user_cannot_sign_in_and_is_told_what_a_wrong_password_is_told() {
        String name = unique("dan");
        userWithRoles(name, "REQUESTER");
        http.post("/api/users/" + name + "/disable", adminToken, Map.of());

        var disabled = http.post("/api/auth/token", null, Map.of("username", name, "password", password(name)));
        var wrongPassword = http.post("/api/auth/token", null, Map.of("username", "admin", "password",
                "not-the-admin-password"));

        assertThat(disabled.status()).isEqualTo(401);
        assertThat(disabled.body().get("detail")).isEqualTo(wrongPassword.body().get("detail"));
    }

    @Test
    void unknown_users_are_404_unknown_roles_400_naming_role_and_nothing_is_recorded() {
        long before = storedEvents();

        var revokeUnknownUser = http.delete("/api/users/nobody-at-all/roles/ADMIN", adminToken);
        var disableUnknownUser = http.post("/api/users/nobody-at-all/disable", adminToken, Map.of());
        var unknownRole = http.delete("/api/users/admin/roles/KING", adminToken);

        assertThat(revokeUnknownUser.status()).isEqualTo(404);
        assertThat(disableUnknownUser.status()).isEqualTo(404);
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.body().get("errors").get(0).get("field").asString()).isEqualTo("role");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_administrator_cannot_revoke_their_own_admin_role_nor_disable_themselves() {
        String name = unique("solo");
        String token = userWithRoles(name, "ADMIN");
        long before = storedEvents();

        var revokeOwnAdmin = http.delete("/api/users/" + name + "/roles/ADMIN", token);
        var disableSelf = http.post("/api/users/" + name + "/disable", token, Map.of());

        assertThat(revokeOwnAdmin.status()).isEqualTo(409);
        assertThat(revokeOwnAdmin.raw().headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(disableSelf.status()).isEqualTo(409);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(http.get("/api/users", token).status()).isEqualTo(200);
    }

    @Test
    void only_administrators_revoke_and_disable() {
        String name = unique("req");
        String token = userWithRoles(name, "REQUESTER", "APPROVER");
        long before = storedEvents();

        assertThat(http.delete("/api/users/admin/roles/ADMIN", token).status()).isEqualTo(403);
        assertThat(http.post("/api/users/admin/disable", token, Map.of()).status()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    // ---- the UI's session ----------------------------------------------------------------------

    @Test
    void the_ui_session_of_a_user_who_is_then_disabled_stops_working_and_the_ui_asks_to_sign_in() throws Exception {
        String name = unique("uidora");
        userWithRoles(name, "REQUESTER");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        get(browser, "/login");
        assertThat(signIn(browser, name).headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(get(browser, "/").statusCode()).isEqualTo(200);

        http.post("/api/users/" + name + "/disable", adminToken, Map.of());

        var after = get(browser, "/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(get(browser, "/").statusCode()).as("the session is gone, not just this request").isEqualTo(302);
        get(browser, "/login");
        assertThat(signIn(browser, name).headers().firstValue("Location").orElse("")).endsWith("/login?error");
    }

    private HttpResponse<String> signIn(HttpClient browser, String name) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password(name), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(http.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
