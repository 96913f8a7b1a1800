package io.aura.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserCommands.RegisterUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.query.identity.UserViewStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UserAccountsIT extends IntegrationTest {
    @Autowired
    UserViewStore users;

    @Autowired
    CommandGateway commands;

    @Test
    void an_admin_creates_a_user_who_can_sign_in_at_once() {
        String name = unique("carol");
        var created = http.post("/api/users", adminToken, Map.of("username", name, "password", "carols-password-1",
                "roles", List.of("REQUESTER", "APPROVER"), "displayName", "Carol", "email", "carol@example.org"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("username").asString()).isEqualTo(name);

        var me = http.get("/api/users/me", http.token(name, "carols-password-1"));
        assertThat(me.body().get("roles").toString()).contains("APPROVER", "REQUESTER");
    }

    @Test
    void the_event_names_who_created_the_user_and_holds_no_password_or_hash() {
        String name = unique("dave");
        http.post("/api/users", adminToken, Map.of("username", name, "password", "daves-secret-pass", "roles",
                List.of("REQUESTER")));

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT payload, metaData, payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?", name);
        String payload = new String((byte[]) row.get("payload"), StandardCharsets.UTF_8);
        String metaData = new String((byte[]) row.get("metaData"), StandardCharsets.UTF_8);
        assertThat(row.get("payloadType").toString()).endsWith("UserRegistered");
        assertThat(metaData).contains("\"actor\":\"admin\"");
        assertThat(payload + metaData).doesNotContain("daves-secret-pass").doesNotContain("bcrypt").doesNotContain("$2a$");
    }

    @Test
    void a_taken_name_is_409_and_the_first_password_still_works() {
        String name = unique("erin");
        http.post("/api/users", adminToken, Map.of("username", name, "password", "first-password-1", "roles",
                List.of("REQUESTER")));
        var again = http.post("/api/users", adminToken, Map.of("username", name, "password", "second-password-1",
                "roles", List.of("ADMIN")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(http.token(name, "first-password-1")).isNotBlank();
    }

    @Test
    void invalid_users_are_400_naming_each_field_and_record_nothing() {
        long before = storedEvents();
        var bad = http.post("/api/users", adminToken, Map.of("username", "Not Valid", "password", "short",
                "roles", List.of("KING"), "email", "nope"));
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("username", "password", "roles", "email");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void of_many_concurrent_registrations_of_one_name_exactly_one_succeeds() throws Exception {
        String name = unique("race");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Boolean> attempt = () -> {
                try {
                    commands.sendAndWait(new RegisterUser(name, Set.of(Role.REQUESTER), null, null));
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            };
            results.add(pool.submit(attempt));
        }
        int successes = 0;
        for (Future<Boolean> result : results) {
            successes += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(successes).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, name)).isEqualTo(1);
    }

    @Test
    void an_admin_grants_a_role_the_grant_names_the_admin_and_a_new_token_carries_it() {
        String name = unique("frank");
        userWithRoles(name, "REQUESTER");

        var granted = http.post("/api/users/" + name + "/roles", adminToken, Map.of("roles", List.of("APPROVER")));

        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body().get("roles").toString()).contains("APPROVER", "REQUESTER");
        String metaData = new String((byte[]) jdbc.queryForObject("SELECT metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND payloadType LIKE '%RolesGranted'", byte[].class, name),
                StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"actor\":\"admin\"");
        assertThat(http.get("/api/users/me", http.token(name, name + "-password-1")).body().get("roles").toString())
                .contains("APPROVER");
    }

    @Test
    void granting_to_an_unknown_user_is_404_and_an_unknown_role_is_400() {
        assertThat(http.post("/api/users/nobody-at-all/roles", adminToken, Map.of("roles", List.of("ADMIN"))).status())
                .isEqualTo(404);
        assertThat(http.post("/api/users/admin/roles", adminToken, Map.of("roles", List.of("KING"))).status())
                .isEqualTo(400);
    }

    @Test
    void a_user_signs_in_with_the_roles_their_events_give_even_while_the_user_view_is_being_rebuilt() {
        String name = unique("eve");
        userWithRoles(name, "REQUESTER");
        http.post("/api/users/" + name + "/roles", adminToken, Map.of("roles", List.of("APPROVER")));
        UserView view = users.find(name).orElseThrow();
        // as a replay leaves the users view between her registration and her grant
        users.save(new UserView(name, Set.of(Role.REQUESTER), view.displayName(), view.email()));
        try {
            String token = http.token(name, name + "-password-1");

            assertThat(http.get("/api/users/me", token).body().get("roles").toString()).contains("APPROVER", "REQUESTER");
            assertThat(http.get("/api/approvals", token).status()).isEqualTo(200);
        } finally {
            users.save(view);
        }
    }
}
