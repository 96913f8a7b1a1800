package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.aura.app.notify.WebhookStore.Delivery;
import io.aura.app.storage.SqliteTestDatabase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox with its SQLite store, real HTTP receivers on loopback addresses and a resolver the
 * test scripts: each delivery looks its host up once, checks every address and connects to those
 * addresses, never to what the name answers to anyone else, before or after.
 */
class WebhookDeliveryAddressTest {
    static final String HOOK = "h-1";

    @TempDir
    Path dir;
    SqliteTestDatabase database;
    SqlWebhookStore store;
    final List<HttpServer> servers = new ArrayList<>();
    final List<String> lookedUp = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        database = new SqliteTestDatabase(dir);
        store = new SqlWebhookStore(database.writer, database.reader, database.transactions).createSchema();
    }

    @AfterEach
    void tearDown() {
        servers.forEach(s -> s.stop(0));
        database.close();
    }

    /** Answers each look-up with the next of {@code answers} (null: the name does not resolve), the last one after. */
    HostResolver answering(String... answers) {
        Iterator<String> next = List.of(answers).iterator();
        String[] last = {null};
        return name -> {
            lookedUp.add(name);
            last[0] = next.hasNext() ? next.next() : last[0];
            if (last[0].equals("none")) {
                throw new UnknownHostException(name);
            }
            return List.of(InetAddress.ofLiteral(last[0]));
        };
    }

    /** The Host header of every request an HTTP server on {@code address} receives. */
    List<String> receiver(String address, int port, int status, String location) throws Exception {
        List<String> hosts = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return hosts;
    }

    int port() {
        return servers.getLast().getAddress().getPort();
    }

    WebhookOutbox outbox(WebhookTargets targets) {
        return new WebhookOutbox(store, SimpleQueryUpdateEmitter.builder().build(), JsonMapper.builder().build(),
                // it delivers what is due; it folds no event, so asks nothing (no query gateway)
                Clock.systemUTC(), targets, null, io.aura.app.privacy.MasterKey.load(
                        java.util.Base64.getEncoder().encodeToString(new byte[32]), java.nio.file.Path.of("target")));
    }

    void due(String deliveryId, String url) {
        store.addDelivery(new Delivery(deliveryId, HOOK, url, "secret-0123456789abcdef", "BookingRequested",
                "{\"id\":\"" + deliveryId + "\"}", DeliveryStatus.PENDING, 0, Instant.now().minusSeconds(1), null,
                null));
    }

    Delivery delivery(String id) {
        return store.deliveriesOf(HOOK).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_delivery_connects_to_the_address_its_look_up_checked_without_looking_the_name_up_again() throws Exception {
        List<String> received = receiver("127.0.0.1", 0, 204, null);
        // a name nothing else resolves: only the checked address can reach the receiver
        String url = "http://hooks.aura.test:" + port() + "/hook";
        WebhookOutbox outbox = outbox(new WebhookTargets(List.of("hooks.aura.test"), answering("127.0.0.1")));
        due("d-1", url);

        outbox.deliverDue();

        assertThat(received).containsExactly("hooks.aura.test:" + port());
        assertThat(lookedUp).containsExactly("hooks.aura.test");
        assertThat(delivery("d-1").status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void each_delivery_connects_to_what_its_own_look_up_answered_not_to_a_connection_made_for_an_earlier_answer()
            throws Exception {
        List<String> first = receiver("127.0.0.1", 0, 204, null);
        List<String> second = receiver("127.0.0.2", port(), 204, null);
        String url = "http://hooks.aura.test:" + port() + "/hook";
        WebhookOutbox outbox = outbox(new WebhookTargets(List.of("hooks.aura.test"),
                answering("127.0.0.1", "127.0.0.2")));

        due("d-1", url);
        outbox.deliverDue();
        due("d-2", url);
        outbox.deliverDue();

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(lookedUp).hasSize(2);
    }

    @Test
    void a_name_that_did_not_resolve_at_registration_and_points_inside_at_delivery_is_refused_for_good()
            throws Exception {
        List<String> received = receiver("127.0.0.1", 0, 204, null);
        String url = "http://later.aura.test:" + port() + "/hook";
        WebhookTargets targets = new WebhookTargets(List.of(), answering("none", "127.0.0.1"));
        assertThat(targets.refusal(url)).as("registered: nothing to check yet").isNull();
        WebhookOutbox outbox = outbox(targets);
        due("d-1", url);

        outbox.deliverDue();
        outbox.deliverDue();

        assertThat(received).isEmpty();
        Delivery refused = delivery("d-1");
        assertThat(refused.status()).isEqualTo(DeliveryStatus.REFUSED);
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.lastError()).contains("not sent").contains("127.0.0.1").contains("loopback");
    }

    @Test
    void a_name_that_answered_a_public_address_at_registration_and_a_private_one_at_delivery_is_refused()
            throws Exception {
        List<String> received = receiver("127.0.0.1", 0, 204, null);
        String url = "http://rebound.aura.test:" + port() + "/hook";
        WebhookTargets targets = new WebhookTargets(List.of(), answering("93.184.215.14", "127.0.0.1"));
        assertThat(targets.refusal(url)).isNull();
        due("d-1", url);

        outbox(targets).deliverDue();

        assertThat(received).isEmpty();
        assertThat(delivery("d-1").status()).isEqualTo(DeliveryStatus.REFUSED);
    }

    @Test
    void a_name_that_does_not_resolve_when_due_is_tried_again_later() {
        due("d-1", "https://gone.aura.test/hook");

        outbox(new WebhookTargets(List.of(), answering("none"))).deliverDue();

        Delivery waiting = delivery("d-1");
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("gone.aura.test does not resolve");
    }

    @Test
    void a_redirect_is_not_followed_it_would_lead_to_an_address_nobody_checked() throws Exception {
        List<String> elsewhere = receiver("127.0.0.1", 0, 204, null);
        List<String> redirecting = receiver("127.0.0.1", 0, 307, "http://127.0.0.1:" + port() + "/inside");
        due("d-1", "http://127.0.0.1:" + port() + "/hook");

        outbox(new WebhookTargets(List.of("127.0.0.1"), WebhookTargetsTest.NO_LOOK_UP)).deliverDue();

        assertThat(redirecting).hasSize(1);
        assertThat(elsewhere).isEmpty();
        assertThat(delivery("d-1").lastError()).isEqualTo("HTTP 307");
    }
}
