package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginThrottleIT extends IntegrationTest {

    @Test
    void repeated_wrong_passwords_are_throttled_with_retry_after_even_for_the_right_password() {
        String name = unique("victim");
        userWithRoles(name, "REQUESTER");
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/auth/token", null, Map.of("username", name, "password", "wrong-" + i)).status())
                    .isEqualTo(401);
        }
        var throttled = http.post("/api/auth/token", null, Map.of("username", name, "password", name + "-password-1"));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 30);
        assertThat(throttled.body().get("status").asInt()).isEqualTo(429);
    }

    @Test
    void a_throttled_person_at_the_sign_in_page_is_sent_back_to_it_told_how_long_to_wait() throws Exception {
        String name = unique("pageuser");
        userWithRoles(name, "REQUESTER");
        for (int i = 0; i < 5; i++) {
            http.post("/api/auth/token", null, Map.of("username", name, "password", "wrong-" + i));
        }
        var form = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html,*/*")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + name + "&password=" + name
                        + "-password-1")).build();
        var answer = java.net.http.HttpClient.newHttpClient().send(form,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).matches(".*/login\\?throttled=\\d+");
    }

    @Test
    void a_burst_of_parallel_wrong_passwords_gets_no_more_tries_than_the_free_failures() throws Exception {
        String name = unique("burst");
        userWithRoles(name, "REQUESTER");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            answers.add(pool.submit(() -> http.post("/api/auth/token", null,
                    Map.of("username", name, "password", "wrong-" + n)).status()));
        }
        long unauthorized = 0;
        for (var a : answers) {
            int status = a.get();
            assertThat(status).isIn(401, 429);
            if (status == 401) unauthorized++;
        }
        pool.shutdown();

        assertThat(unauthorized).as("passwords actually tried").isLessThanOrEqualTo(5);
    }
}
