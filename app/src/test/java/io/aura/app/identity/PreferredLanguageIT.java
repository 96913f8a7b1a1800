package io.aura.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code PUT /api/users/me/language}: each user chooses their own UI language, kept as an event. */
class PreferredLanguageIT extends IntegrationTest {

    private long chosen(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND "
                + "payloadType LIKE '%PreferredLanguageChosen'", Long.class, username);
    }

    @Test
    void a_user_chooses_german_for_themself_and_the_answer_is_the_user_with_it() {
        String name = unique("greta");
        String token = userWithRoles(name, "REQUESTER");

        var answer = http.put("/api/users/me/language", token, Map.of("language", "de"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("username").asString()).isEqualTo(name);
        assertThat(answer.body().get("roles").toString()).isEqualTo("[\"REQUESTER\"]");
        assertThat(answer.body().get("language").asString()).isEqualTo("de");
        assertThat(chosen(name)).isEqualTo(1);
        String metaData = new String((byte[]) jdbc.queryForObject("SELECT metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND payloadType LIKE '%PreferredLanguageChosen'", byte[].class, name),
                StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"actor\":\"" + name + "\"");

        // the same again records nothing; English again is a new choice
        assertThat(http.put("/api/users/me/language", token, Map.of("language", "de")).status()).isEqualTo(200);
        assertThat(chosen(name)).isEqualTo(1);
        var english = http.put("/api/users/me/language", token, Map.of("language", "en"));
        assertThat(english.body().get("language").asString()).isEqualTo("en");
        assertThat(chosen(name)).isEqualTo(2);
    }

    @Test
    void any_other_language_is_a_problem_naming_language_and_nothing_is_recorded() {
        String name = unique("fritz");
        String token = userWithRoles(name, "AUDITOR");
        long before = storedEvents();

        for (Object language : new Object[] {"fr", "DE", "de-DE", "", 7}) {
            var refused = http.put("/api/users/me/language", token, Map.of("language", language));
            assertThat(refused.status()).as(String.valueOf(language)).isEqualTo(400);
            assertThat(refused.raw().headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("language");
        }
        var missing = http.put("/api/users/me/language", token, Map.of("lang", "de"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(chosen(name)).isZero();
    }

    @Test
    void without_signing_in_it_is_refused_and_it_is_in_the_openapi_description() {
        assertThat(http.put("/api/users/me/language", null, Map.of("language", "de")).status()).isEqualTo(401);
        var docs = http.get("/v3/api-docs", null);
        assertThat(docs.body().get("paths").get("/api/users/me/language").has("put")).isTrue();
        assertThat(List.of(docs.body().get("paths").get("/api/users/me/language").get("put").get("tags").get(0)
                .asString())).containsExactly("Identity");
    }
}
