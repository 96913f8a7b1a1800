package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.aura.app.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on against a real OpenID provider in this JVM (ADR 0042): the API takes the provider's access
 * tokens beside its own, with the roles the provider's app roles and groups map to, and refuses every token
 * that is not the provider's, for Aura, now; the UI signs in through the authorization-code flow.
 */
class SingleSignOnIT extends IntegrationTest {

    /** An access token of the provider for Aura's API, as Entra ID issues one to a signed-in person. */
    private static String providerToken(String username, String oid, List<String> roles, List<String> groups) {
        return OPENID_PROVIDER.issueToken(SSO_TENANT, oid, SSO_AUDIENCE, personClaims(username, oid, roles, groups),
                3600).serialize();
    }

    private static Map<String, Object> personClaims(String username, String oid, List<String> roles,
                                                    List<String> groups) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("preferred_username", username + "@contoso.example");
        claims.put("oid", oid);
        claims.put("name", "Person " + username);
        claims.put("roles", roles);
        claims.put("groups", groups);
        return claims;
    }

    private static String oid() {
        return UUID.randomUUID().toString();
    }

    private static List<String> roleNames(JsonNode me) {
        List<String> roles = new java.util.ArrayList<>();
        me.get("roles").forEach(r -> roles.add(r.asString()));
        return roles;
    }

    @Test
    void a_provider_access_token_is_accepted_with_the_roles_its_app_roles_and_groups_map_to() {
        String name = unique("sso-ann");
        String token = providerToken(name, oid(), List.of("Aura.Approver"), List.of(SSO_AUDITOR_GROUP));

        var me = http.get("/api/users/me", token);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("username").asString()).isEqualTo(name);
        assertThat(roleNames(me.body())).containsExactlyInAnyOrder("APPROVER", "REQUESTER", "AUDITOR");
    }

    @Test
    void a_provider_token_without_the_role_an_endpoint_needs_is_forbidden() {
        String token = providerToken(unique("sso-req"), oid(), List.of("Aura.Requester"), List.of());

        assertThat(http.get("/api/users", token).status()).isEqualTo(403);
        assertThat(http.get("/api/resources", token).status()).isEqualTo(200);
    }

    @Test
    void a_provider_token_with_the_mapped_admin_role_may_do_what_an_admin_does() {
        String token = providerToken(unique("sso-adm"), oid(), List.of("Aura.Admin"), List.of());

        assertThat(http.get("/api/users", token).status()).isEqualTo(200);
    }

    @Test
    void the_first_token_registers_the_person_as_a_user_in_events_and_later_tokens_set_its_roles() {
        String name = unique("sso-bob");
        String oid = oid();
        assertThat(http.get("/api/users/me", providerToken(name, oid, List.of("Aura.Admin"), List.of())).status())
                .isEqualTo(200);
        long registered = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE '%SingleSignOnLinked'", Long.class, name);
        assertThat(registered).isEqualTo(1);

        String demoted = providerToken(name, oid, List.of("Aura.Requester"), List.of());
        assertThat(http.get("/api/users", demoted).status()).isEqualTo(403);
        assertThat(roleNames(http.get("/api/users/me", demoted).body())).containsExactly("REQUESTER");
        // the user list is a view: it shows the revocation once its projection has folded it
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(roleNames(listedUser(name))).containsExactly("REQUESTER"));
    }

    private JsonNode listedUser(String name) {
        for (JsonNode u : http.get("/api/users", adminToken).body()) {
            if (u.get("username").asString().equals(name)) {
                return u;
            }
        }
        throw new AssertionError(name + " is not in the user list");
    }

    @Test
    void a_token_that_maps_to_no_role_is_refused_and_registers_nobody() {
        long before = storedEvents();
        String token = providerToken(unique("sso-none"), oid(), List.of("Some.Other.App"), List.of());

        assertThat(http.get("/api/users/me", token).status()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_provider_person_never_becomes_a_local_account_of_the_same_name() {
        long before = storedEvents();
        String token = providerToken("admin", oid(), List.of("Aura.Admin"), List.of());

        assertThat(http.get("/api/users", token).status()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void another_person_of_the_provider_with_the_same_name_is_refused() {
        String name = unique("sso-twin");
        assertThat(http.get("/api/users/me", providerToken(name, oid(), List.of("Aura.Requester"), List.of()))
                .status()).isEqualTo(200);

        assertThat(http.get("/api/users/me", providerToken(name, oid(), List.of("Aura.Admin"), List.of())).status())
                .isEqualTo(401);
    }

    @Test
    void a_disabled_single_sign_on_user_is_refused_whatever_the_provider_says() {
        String name = unique("sso-gone");
        String oid = oid();
        assertThat(http.get("/api/users/me", providerToken(name, oid, List.of("Aura.Requester"), List.of())).status())
                .isEqualTo(200);
        assertThat(http.post("/api/users/" + name + "/disable", adminToken, Map.of()).status()).isEqualTo(200);

        assertThat(http.get("/api/users/me", providerToken(name, oid, List.of("Aura.Requester"), List.of())).status())
                .isEqualTo(401);
    }

    @Test
    void a_token_signed_with_the_provider_s_key_for_another_issuer_is_refused() {
        Map<String, Object> claims = personClaims(unique("sso-iss"), oid(), List.of("Aura.Admin"), List.of());
        claims.put("iss", OPENID_PROVIDER.issuerUrl("another-tenant").toString());
        claims.put("aud", List.of(SSO_AUDIENCE));
        claims.put("sub", claims.get("oid"));
        String token = OPENID_PROVIDER.getConfig().getTokenProvider().jwt(claims, Duration.ofHours(1), SSO_TENANT)
                .serialize();

        assertThat(http.get("/api/users/me", token).status()).isEqualTo(401);
    }

    @Test
    void a_token_of_another_issuer_of_the_same_server_is_refused() {
        String name = unique("sso-other");
        String token = OPENID_PROVIDER.issueToken("another-tenant", oid(), SSO_AUDIENCE,
                personClaims(name, oid(), List.of("Aura.Admin"), List.of()), 3600).serialize();

        assertThat(http.get("/api/users/me", token).status()).isEqualTo(401);
    }

    @Test
    void a_token_of_the_provider_for_another_audience_is_refused() {
        String name = unique("sso-aud");
        String oid = oid();
        String token = OPENID_PROVIDER.issueToken(SSO_TENANT, oid, "api://some-other-application",
                personClaims(name, oid, List.of("Aura.Admin"), List.of()), 3600).serialize();

        assertThat(http.get("/api/users/me", token).status()).isEqualTo(401);
    }

    @Test
    void an_expired_provider_token_is_refused() {
        String oid = oid();
        Map<String, Object> claims = personClaims(unique("sso-exp"), oid, List.of("Aura.Admin"), List.of());
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        claims.put("iss", OPENID_PROVIDER.issuerUrl(SSO_TENANT).toString());
        claims.put("aud", List.of(SSO_AUDIENCE));
        claims.put("sub", oid);
        claims.put("iat", Date.from(issued));
        claims.put("nbf", Date.from(issued));
        claims.put("exp", Date.from(issued.plus(Duration.ofHours(1)))); // an hour ago, past any clock skew
        String token = OPENID_PROVIDER.getConfig().getTokenProvider().jwt(claims, Duration.ofHours(1), SSO_TENANT)
                .serialize();

        assertThat(http.get("/api/users/me", token).status()).isEqualTo(401);
    }

    @Test
    void an_unsigned_token_with_the_provider_s_claims_is_refused() {
        String name = unique("sso-none");
        String real = providerToken(name, oid(), List.of("Aura.Admin"), List.of());
        String payload = real.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(http.get("/api/users/me", header + "." + payload + ".").status()).isEqualTo(401);
    }

    @Test
    void a_token_with_the_provider_s_claims_signed_by_another_key_is_refused() throws Exception {
        String real = providerToken(unique("sso-forged"), oid(), List.of("Aura.Admin"), List.of());
        SignedJWT genuine = SignedJWT.parse(real);
        var otherKey = new RSAKeyGenerator(2048).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(genuine.getHeader().getKeyID()).build(), genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(otherKey));

        assertThat(http.get("/api/users/me", forged.serialize()).status()).isEqualTo(401);
    }

    @Test
    void the_api_s_own_tokens_keep_working_beside_the_provider_s() {
        String name = unique("local");
        String own = userWithRoles(name, "REQUESTER");

        assertThat(http.get("/api/users", adminToken).status()).isEqualTo(200);
        assertThat(http.get("/api/users/me", own).body().get("username").asString()).isEqualTo(name);
        assertThat(http.get("/api/users", own).status()).isEqualTo(403);
    }

    @Test
    void a_sign_in_on_an_open_endpoint_ignores_a_stale_provider_token() {
        String expired = OPENID_PROVIDER.issueToken(SSO_TENANT, oid(), SSO_AUDIENCE,
                personClaims(unique("sso-stale"), oid(), List.of("Aura.Admin"), List.of()), -600).serialize();

        var signIn = http.post("/api/auth/token", expired, Map.of("username", "admin", "password", ADMIN_PASSWORD));

        assertThat(signIn.status()).isEqualTo(200);
    }

    // --- the web UI: the authorization-code flow over HTTP, as a browser follows it ---

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HttpResponse<String> browse(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : http.base() + url))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("a redirect from " + response.uri()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** Follows "Sign in with …" through the provider and back; the answer of Aura's callback. */
    private HttpResponse<String> signInThroughTheProvider(String username, String oid, List<String> roles)
            throws Exception {
        OPENID_PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(SSO_TENANT, oid, "JWT", List.of(SSO_AUDIENCE),
                personClaims(username, oid, roles, List.of()), 3600));
        assertThat(browse("/login").statusCode()).isEqualTo(200);
        String authorize = location(browse("/oauth2/authorization/oidc"));
        assertThat(authorize).startsWith(OPENID_PROVIDER.issuerUrl(SSO_TENANT).toString()).contains("code_challenge",
                "state=", "nonce=");
        String callback = location(browse(authorize)); // the provider signs the person in and sends a code back
        assertThat(callback).startsWith(http.base() + "/login/oauth2/code/oidc?code=");
        return browse(callback);
    }

    @Test
    void the_ui_signs_in_through_the_provider_and_lands_signed_in_with_the_mapped_roles() throws Exception {
        assertThat(location(browse("/"))).endsWith("/login");
        String name = unique("sso-ui");

        var landed = signInThroughTheProvider(name, oid(), List.of("Aura.Approver"));

        assertThat(location(landed)).doesNotContain("refused").doesNotContain("error");
        assertThat(browse("/").statusCode()).isEqualTo(200);
        JsonNode user = listedUser(name);
        assertThat(roleNames(user)).containsExactlyInAnyOrder("APPROVER", "REQUESTER");
        assertThat(user.get("displayName").asString()).isEqualTo("Person " + name);
    }

    @Test
    void a_ui_sign_in_whose_token_maps_to_no_role_lands_on_the_sign_in_page_saying_so() throws Exception {
        var landed = signInThroughTheProvider(unique("sso-noui"), oid(), List.of("Some.Other.App"));

        assertThat(location(landed)).endsWith("/login?refused");
        assertThat(location(browse("/"))).endsWith("/login");
    }
}
