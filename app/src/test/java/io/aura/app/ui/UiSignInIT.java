package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Vaadin UI signs in with a form and a session, with the same accounts as the API. */
class UiSignInIT extends IntegrationTest {

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private String base() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(String username, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_sign_in_page() throws Exception {
        var root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(get("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void a_user_created_over_the_api_signs_in_to_the_ui_at_once() throws Exception {
        String name = unique("uiuser");
        userWithRoles(name, "REQUESTER");
        get("/login");

        var signedIn = signIn(name, name + "-password-1");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_password_is_sent_back_with_an_error() throws Exception {
        get("/login");
        var failed = signIn("admin", "not-the-password");
        assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void repeated_wrong_passwords_on_the_form_are_throttled_like_the_api() throws Exception {
        String name = unique("formvictim");
        userWithRoles(name, "REQUESTER");
        get("/login");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(name, "wrong-" + i).headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        var throttled = signIn(name, name + "-password-1");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }
}
