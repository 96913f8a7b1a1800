package io.aura.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code PUT /api/users/{username}} (an administrator, anyone's) and {@code PUT /api/users/me/profile} (a user,
 * their own): a display name and e-mail changed after registration, with registration's rules, kept as an event.
 */
class UserProfileIT extends IntegrationTest {

    private long profileChanges(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND "
                + "payloadType LIKE '%UserProfileChanged'", Long.class, username);
    }

    /** Events of this one user: other tests' background work (sweeps, outboxes) may record events meanwhile. */
    private long eventsOf(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class,
                username);
    }

    private JsonNode listed(String username) {
        JsonNode all = http.get("/api/users", adminToken).body();
        return StreamSupport.stream(all.spliterator(), false).filter(u -> u.get("username").asString().equals(username))
                .findFirst().orElseThrow();
    }

    @Test
    void an_administrator_changes_another_users_profile_and_the_list_shows_it() {
        String name = unique("hanna");
        userWithEmail(name, name + "@example.org", "REQUESTER");

        var changed = http.put("/api/users/" + name, adminToken, Map.of("displayName", "Hanna Arendt",
                "email", "hanna@new.example.org"));

        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.body().get("username").asString()).isEqualTo(name);
        assertThat(changed.body().get("roles").toString()).isEqualTo("[\"REQUESTER\"]");
        assertThat(changed.body().get("displayName").asString()).isEqualTo("Hanna Arendt");
        assertThat(changed.body().get("email").asString()).isEqualTo("hanna@new.example.org");
        assertThat(changed.body().get("disabled").asBoolean()).isFalse();
        JsonNode listed = listed(name);
        assertThat(listed.get("displayName").asString()).isEqualTo("Hanna Arendt");
        assertThat(listed.get("email").asString()).isEqualTo("hanna@new.example.org");
        assertThat(profileChanges(name)).isEqualTo(1);
        String metaData = new String((byte[]) jdbc.queryForObject("SELECT metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND payloadType LIKE '%UserProfileChanged'", byte[].class, name),
                StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"actor\":\"admin\"");

        // a field left out stays; the same profile again records nothing; an empty e-mail removes it
        var same = http.put("/api/users/" + name, adminToken, Map.of("displayName", "Hanna Arendt"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body().get("email").asString()).isEqualTo("hanna@new.example.org");
        assertThat(profileChanges(name)).isEqualTo(1);
        var removed = http.put("/api/users/" + name, adminToken, Map.of("email", ""));
        assertThat(removed.body().get("email").isNull()).isTrue();
        assertThat(removed.body().get("displayName").asString()).isEqualTo("Hanna Arendt");
        assertThat(profileChanges(name)).isEqualTo(2);
    }

    @Test
    void a_disabled_users_profile_can_still_be_changed_by_an_administrator() {
        String name = unique("ida");
        userWithRoles(name, "REQUESTER");
        assertThat(http.post("/api/users/" + name + "/disable", adminToken, Map.of()).status()).isEqualTo(200);

        var changed = http.put("/api/users/" + name, adminToken, Map.of("displayName", "Ida"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("disabled").asBoolean()).isTrue();
        assertThat(listed(name).get("displayName").asString()).isEqualTo("Ida");
    }

    @Test
    void a_user_changes_their_own_profile_and_no_one_elses() {
        String name = unique("jonas");
        String token = userWithRoles(name, "REQUESTER");
        String other = unique("kira");
        userWithEmail(other, other + "@example.org", "REQUESTER");

        var mine = http.put("/api/users/me/profile", token, Map.of("displayName", "Jonas", "email",
                "jonas@example.org"));

        assertThat(mine.status()).as(mine.raw().body()).isEqualTo(200);
        assertThat(mine.body().get("username").asString()).isEqualTo(name);
        assertThat(mine.body().get("displayName").asString()).isEqualTo("Jonas");
        assertThat(listed(name).get("email").asString()).isEqualTo("jonas@example.org");
        String metaData = new String((byte[]) jdbc.queryForObject("SELECT metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND payloadType LIKE '%UserProfileChanged'", byte[].class, name),
                StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"actor\":\"" + name + "\"");
        assertThat(profileChanges(name)).isEqualTo(1);

        var someoneElses = http.put("/api/users/" + other, token, Map.of("displayName", "Not Kira"));
        assertThat(someoneElses.status()).isEqualTo(403);
        assertThat(someoneElses.raw().headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(profileChanges(other)).isZero();
        assertThat(listed(other).get("displayName").isNull()).isTrue();
        assertThat(http.put("/api/users/me/profile", null, Map.of("displayName", "Anyone")).status()).isEqualTo(401);
    }

    @Test
    void a_bad_e_mail_or_display_name_is_a_problem_naming_the_field_and_nothing_is_recorded() {
        String name = unique("lena");
        String token = userWithEmail(name, name + "@example.org", "REQUESTER");
        long before = eventsOf(name);

        for (String path : new String[] {"/api/users/" + name, "/api/users/me/profile"}) {
            String caller = path.endsWith("profile") ? token : adminToken;
            var badMail = http.put(path, caller, Map.of("displayName", "Lena", "email", "not an address"));
            assertThat(badMail.status()).as(path).isEqualTo(400);
            assertThat(badMail.raw().headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(badMail.body().get("errors").get(0).get("field").asString()).isEqualTo("email");
            assertThat(http.put(path, caller, Map.of("email", "x".repeat(250) + "@example.org")).body().get("errors").get(0).get("field").asString())
                    .isEqualTo("email");
            var badName = http.put(path, caller, Map.of("displayName", "Le\nna"));
            assertThat(badName.status()).isEqualTo(400);
            assertThat(badName.body().get("errors").get(0).get("field").asString()).isEqualTo("displayName");
        }

        assertThat(eventsOf(name)).isEqualTo(before);
        assertThat(listed(name).get("email").asString()).isEqualTo(name + "@example.org");
    }

    @Test
    void an_unknown_user_is_a_not_found_problem_and_it_is_in_the_openapi_description() {
        String nobody = unique("nobody");

        var unknown = http.put("/api/users/" + nobody, adminToken, Map.of("displayName", "Nobody"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.raw().headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(eventsOf(nobody)).isZero();
        JsonNode paths = http.get("/v3/api-docs", null).body().get("paths");
        assertThat(paths.get("/api/users/{username}").has("put")).isTrue();
        assertThat(paths.get("/api/users/me/profile").get("put").get("tags").get(0).asString()).isEqualTo("Identity");
    }
}
