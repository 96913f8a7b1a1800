package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A webhook receiver is shown a private booking as anyone else is (ADR 0040): its request arrives titled "Busy",
 * with no requester, description or attendee names, and its cancellation without the reason; a booking that is
 * not private arrives as it is.
 */
class PrivateBookingWebhooksIT extends IntegrationTest {
    static final String SECRET = "Salary talk with Dana";

    @Test
    void a_private_booking_reaches_a_webhook_as_busy_and_one_not_private_as_it_is() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(Http.JSON.readTree(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hookId = null;
        try {
            var hook = http.post("/api/webhooks", adminToken, Map.of("url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "secret",
                    "a-webhook-secret-of-some-length"));
            assertThat(hook.status()).isEqualTo(201);
            hookId = hook.body().get("id").asString();
            String room = http.post("/api/resources", adminToken, Map.of("name", unique("Webhook room"), "capacity", 4,
                    "timeZone", "UTC")).body().get("id").asString();
            String ownerName = unique("olga");
            String owner = userWithRoles(ownerName, "REQUESTER");
            Instant day = Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);

            String secret = book(owner, room, day.plusSeconds(9 * 3600), true);
            String open = book(owner, room, day.plusSeconds(11 * 3600), false);
            assertThat(http.post("/events/" + secret + "/cancel", owner, Map.of("reason", "Dana is ill")).status())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).until(() -> of(received, secret, "BookingCancelled").isPresent()
                    && of(received, open, "BookingRequested").isPresent());
            JsonNode request = of(received, secret, "BookingRequested").orElseThrow().get("payload");
            assertThat(request.get("title").asString()).isEqualTo("Busy");
            assertThat(request.get("privateBooking").asBoolean()).isTrue();
            assertThat(of(received, secret, "BookingCancelled").orElseThrow().get("payload").get("reason").isNull())
                    .isTrue();
            received.stream().filter(r -> r.has("aggregateId") && r.get("aggregateId").asString().equals(secret)).forEach(r ->
                    assertThat(r.toString()).doesNotContain(SECRET).doesNotContain("about the raise")
                            .doesNotContain("dana@example.org").doesNotContain(ownerName).doesNotContain("Dana is ill"));
            JsonNode openRequest = of(received, open, "BookingRequested").orElseThrow().get("payload");
            assertThat(openRequest.get("title").asString()).isEqualTo(SECRET);
            assertThat(openRequest.get("requester").asString()).isEqualTo(ownerName);
            assertThat(openRequest.get("description").asString()).isEqualTo("about the raise");
        } finally {
            receiver.stop(0);
            if (hookId != null) {
                http.delete("/api/webhooks/" + hookId, adminToken);
            }
        }
    }

    String book(String token, String room, Instant start, boolean privateBooking) {
        Map<String, Object> body = new HashMap<>(Map.of("title", SECRET, "resourceId", room, "start", start.toString(),
                "end", start.plusSeconds(3600).toString(), "description", "about the raise",
                "attendees", List.of("dana@example.org"), "private", privateBooking));
        var answer = http.post("/events/create", token, body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body().get("bookingId").asString();
    }

    static Optional<JsonNode> of(List<JsonNode> received, String bookingId, String type) {
        return received.stream().filter(r -> r.has("aggregateId") && r.get("aggregateId").asString().equals(bookingId)
                && r.get("type").asString().equals(type)).findFirst();
    }
}
