package io.aura.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application for all integration tests (same configuration, so Spring caches one context):
 * the embedded default on a fresh data directory, reached over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {
    public static final String ADMIN_PASSWORD = "admin-test-password-1";
    private static final Path DATA_DIR = Path.of("target", "it-data", UUID.randomUUID().toString());

    /** A real SMTP server, in-process, shared by all integration tests like the application is. */
    public static final GreenMail SMTP = startSmtp();

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    /**
     * The suite's second run (./aura test, .ci/run): the same tests with the views, credentials and outboxes
     * in MongoDB through their production adapters, on a MongoDB wire server in this JVM (ADR 0021).
     */
    public static final boolean MONGO_VIEWS = "mongo".equals(System.getProperty("aura.test.views"));

    private static final de.bwaldvogel.mongo.MongoServer MONGO = MONGO_VIEWS ? startMongo() : null;

    private static de.bwaldvogel.mongo.MongoServer startMongo() {
        var server = new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    /** A local server that answers like Microsoft Graph and its token endpoint, shared like the application. */
    public static final io.aura.graph.FakeGraph GRAPH = new io.aura.graph.FakeGraph();

    /**
     * A real OpenID provider, in-process (mock-oauth2-server: discovery, JWKS, authorize, token, RS256 tokens),
     * shared like the application: single sign-on is on in every test (ADR 0042), set up as for Entra ID.
     */
    public static final no.nav.security.mock.oauth2.MockOAuth2Server OPENID_PROVIDER = startOpenIdProvider();
    /** The provider's issuer is {@code http://localhost:PORT/<this>}, as Entra ID's names a tenant. */
    public static final String SSO_TENANT = "tenant";
    public static final String SSO_CLIENT_ID = "aura-web-client";
    /** The application id URI of Aura's API at the provider: what its access tokens must name. */
    public static final String SSO_AUDIENCE = "api://aura-scheduler";
    /** The group whose members are auditors (Entra ID sends group object ids in {@code groups}). */
    public static final String SSO_AUDITOR_GROUP = "5f1c2a7e-0d1b-4c55-9a51-3b2f7d0c9e11";

    private static no.nav.security.mock.oauth2.MockOAuth2Server startOpenIdProvider() {
        var provider = new no.nav.security.mock.oauth2.MockOAuth2Server();
        provider.start();
        return provider;
    }

    /**
     * A signing key the application used before a rotation (ADR 0051): its public half is configured as a
     * previous key, so tokens it signed still verify.
     */
    public static final java.security.KeyPair PREVIOUS_SIGNING_KEY = io.jsonwebtoken.Jwts.SIG.ES256.keyPair().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        embeddedDefault(registry, DATA_DIR, "aura");
    }

    /**
     * The embedded default as the tests run it, on {@code dataDir} (and, in the MongoDB pass, in
     * {@code mongoDatabase}): for a test that needs an application of its own, such as the fuzzer.
     */
    public static void embeddedDefault(DynamicPropertyRegistry registry, Path dataDir, String mongoDatabase) {
        // the tests' webhook receivers listen on this machine; nothing else private is allowed
        registry.add("aura.webhooks.allowed-private-hosts", () -> "127.0.0.1");
        registry.add("aura.graph.client-id", () -> io.aura.graph.FakeGraph.CLIENT_ID);
        registry.add("aura.graph.client-secret", () -> io.aura.graph.FakeGraph.CLIENT_SECRET);
        registry.add("aura.graph.token-url", () -> GRAPH.tokenEndpoint().toString());
        registry.add("aura.graph.base-url", GRAPH::graphBaseUrl);
        // the tests read calendars when they choose to (PUT, sync); no background read in between
        registry.add("aura.graph.first-sync", () -> "PT1H");
        registry.add("aura.graph.retry-delay-seconds", () -> "0");
        // Outlook writes (ADR 0043): sent at once, retried soon, a late answer cut off within the test's patience
        registry.add("aura.graph.write-interval", () -> "PT0.2S");
        registry.add("aura.graph.write-backoff", () -> "PT0.3S");
        registry.add("aura.graph.write-timeout", () -> "PT1S");
        // no nightly retraining of the contention model in the middle of a run (it would change rankings)
        registry.add("aura.contention.train-cron", () -> "-");
        // audit pages of 50 (500 in use): the tests page through a store of a few hundred events
        registry.add("aura.audit.page-size", () -> "50");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("aura.public-url", () -> "http://aura.test");
        registry.add("aura.approvals.sweep-interval", () -> "PT1S");
        registry.add("aura.mail.poll-interval", () -> "PT0.2S");
        registry.add("aura.mail.booking-reminder-sweep-interval", () -> "PT1S");
        registry.add("aura.webhooks.poll-interval", () -> "PT0.2S");
        registry.add("aura.data-dir", dataDir::toString);
        registry.add("aura.jwt.previous-public-keys", () -> java.util.Base64.getEncoder()
                .encodeToString(PREVIOUS_SIGNING_KEY.getPublic().getEncoded()));
        registry.add("aura.admin-password", () -> ADMIN_PASSWORD);
        // every test signs in from 127.0.0.1: the per-address limit (unit-tested) must not couple the tests
        registry.add("aura.login.address-free-failures", () -> "1000");
        registry.add("aura.sso.issuer-uri", () -> OPENID_PROVIDER.issuerUrl(SSO_TENANT).toString());
        registry.add("aura.sso.client-id", () -> SSO_CLIENT_ID);
        registry.add("aura.sso.client-secret", () -> "client-secret-from-the-environment");
        registry.add("aura.sso.audience", () -> SSO_AUDIENCE);
        registry.add("aura.sso.provider-name", () -> "Entra ID");
        registry.add("aura.sso.subject-claim", () -> "oid");
        registry.add("aura.sso.role-mapping", () -> "Aura.Admin=ADMIN;Aura.Approver=APPROVER,REQUESTER;"
                + "Aura.Requester=REQUESTER;" + SSO_AUDITOR_GROUP + "=AUDITOR");
        if (MONGO_VIEWS) {
            registry.add("aura.views", () -> "mongo");
            registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort() + "/" + mongoDatabase);
            registry.add("spring.autoconfigure.exclude", () -> "org.axonframework.springboot.autoconfig.XStreamAutoConfiguration");
        }
    }

    @Autowired
    protected Environment environment;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Http http;
    protected String adminToken;

    @BeforeEach
    void connect() {
        http = new Http(Integer.parseInt(environment.getProperty("local.server.port")));
        adminToken = http.token("admin", ADMIN_PASSWORD);
    }

    protected long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    /** Creates a user with an e-mail address through the API and returns a token for it. */
    protected String userWithEmail(String username, String email, String... roles) {
        var response = http.post("/api/users", adminToken, java.util.Map.of(
                "username", username, "password", username + "-password-1", "roles", java.util.List.of(roles),
                "email", email));
        if (response.status() != 201) {
            throw new IllegalStateException("could not create " + username + ": " + response.body());
        }
        return http.token(username, username + "-password-1");
    }

    /** Creates a user through the API and returns a token for it. */
    protected String userWithRoles(String username, String... roles) {
        var response = http.post("/api/users", adminToken, java.util.Map.of(
                "username", username, "password", username + "-password-1", "roles", java.util.List.of(roles)));
        if (response.status() != 201) {
            throw new IllegalStateException("could not create " + username + ": " + response.body());
        }
        return http.token(username, username + "-password-1");
    }

    /** A new user with two events, UserRegistered (0) and RolesGranted (1), appended by two commands; its name. */
    protected String userWithTwoEvents(String prefix) {
        String name = unique(prefix);
        userWithRoles(name, "REQUESTER");
        http.post("/api/users/" + name + "/roles", adminToken, java.util.Map.of("roles", java.util.List.of("APPROVER")));
        return name;
    }

    /** Runs {@code whileRemoved} with one stored event deleted from the embedded store, then puts it back as it was. */
    protected void withStoredEventRemoved(String aggregateId, long sequence, Runnable whileRemoved) {
        java.util.Map<String, Object> row = jdbc.queryForMap("SELECT * FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", aggregateId, sequence);
        try {
            jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?", aggregateId,
                    sequence);
            whileRemoved.run();
        } finally {
            String columns = String.join(", ", row.keySet());
            String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
            jdbc.update("INSERT INTO DomainEventEntry (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
        }
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
