package io.aura.app.api.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aura.gateway.Caller;
import io.aura.gateway.PrivateBookings;
import io.aura.kernel.booking.BookingQueries.CalendarChange;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingQueries.WatchCalendar;
import io.aura.kernel.booking.BookingStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;

/**
 * Server-Sent Events of calendar changes for API clients: one {@code calendar} event per burst,
 * holding every change of the last 250 ms (at most 4 a second), from a subscription query.
 */
@RestController
@Tag(name = "Dashboards")
public class StreamController {
    private static final Duration BATCH = Duration.ofMillis(250);
    private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

    private final QueryGateway queries;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    public StreamController(QueryGateway queries) {
        this.queries = queries;
    }

    /** A calendar change as the stream shows it: whose booking it is stays out (as on the calendar). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String bookingId, String title, String resourceId, BookingStatus status,
                         List<Occurrence> occurrences, String category, @JsonProperty("private") boolean privateBooking) {
        static List<Change> of(List<CalendarChange> batch, PrivateBookings reader) {
            return batch.stream().map(reader::seen).map(c -> new Change(c.bookingId(), c.title(), c.resourceId(),
                    c.status(), c.occurrences(), c.category(), c.privateBooking())).toList();
        }
    }

    /** Streams never end by themselves: on shutdown they are closed, so a graceful shutdown need not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    @Operation(summary = "Live calendar changes as Server-Sent Events (event: calendar, data: [changes])")
    @GetMapping(value = "/api/stream", produces = "text/event-stream")
    @PreAuthorize("isAuthenticated()")
    public SseEmitter stream(@RequestParam(required = false) String resourceId, Authentication authentication)
            throws IOException {
        Caller caller = Caller.of(authentication);
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        SubscriptionQueryResult<java.util.List<CalendarChange>, CalendarChange> subscription = queries.subscriptionQuery(
                new WatchCalendar(resourceId), ResponseTypes.multipleInstancesOf(CalendarChange.class),
                ResponseTypes.instanceOf(CalendarChange.class));
        Disposable updates = subscription.updates()
                .bufferTimeout(100, BATCH)
                .filter(batch -> !batch.isEmpty())
                .subscribe(batch -> {
                    try {
                        // as the calendar shows them to this reader: private ones as Busy (ADR 0040)
                        emitter.send(SseEmitter.event().name("calendar").data(Change.of(batch,
                                PrivateBookings.seenBy(queries, caller))));
                    } catch (IOException | IllegalStateException gone) {
                        subscription.cancel();
                    }
                }, emitter::completeWithError, emitter::complete);
        open.add(emitter);
        Runnable close = () -> {
            open.remove(emitter);
            updates.dispose();
            subscription.cancel();
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        emitter.send(SseEmitter.event().name("ready").data("{}")); // tells the client the subscription is open
        return emitter;
    }
}
