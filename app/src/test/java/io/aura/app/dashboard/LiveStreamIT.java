package io.aura.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An API client watching a resource sees a new booking pushed within a second of its confirmation. */
class LiveStreamIT extends IntegrationTest {

    @Test
    void a_confirmed_booking_is_pushed_to_the_stream_within_a_second() throws Exception {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Live room"), "capacity", 4,
                "timeZone", "Europe/Berlin")).body().get("id").asString();
        String alice = userWithRoles(unique("alice"), "REQUESTER");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + environment.getProperty("local.server.port") + "/api/stream?resourceId=" + room))
                .header("Authorization", "Bearer " + alice).header("Accept", "text/event-stream").GET().build();
        // read on a thread of its own and closed at the end: not on the common fork-join pool, which Axon's
        // processors need to stop (a replay in a later test class would wait for ever)
        var response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // closed at the end
            }
        }, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
        String ready = null;
        for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
            if (line.startsWith("event:ready")) {
                ready = line;
                break;
            }
        }
        assertThat(ready).as("the stream opened").isNotNull();

        Instant day = Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        String booking = http.post("/events/create", alice, Map.of("title", "live", "resourceId", room,
                "start", day.plusSeconds(9 * 3600).toString(), "end", day.plusSeconds(10 * 3600).toString()))
                .body().get("bookingId").asString();
        long answered = System.nanoTime();

        String pushed = null;
        for (String line; (line = lines.poll(1, TimeUnit.SECONDS)) != null; ) {
            if (line.startsWith("data:") && line.contains(booking)) {
                pushed = line;
                break;
            }
        }
        long latencyMs = (System.nanoTime() - answered) / 1_000_000;
        assertThat(pushed).as("pushed within a second").isNotNull().contains("CONFIRMED");
        assertThat(latencyMs).isLessThan(1000);
        response.body().close();
    }
}
