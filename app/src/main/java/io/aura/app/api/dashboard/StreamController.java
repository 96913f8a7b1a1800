package io.aura.app.api.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aura.app.api.LiveStreams;
import io.aura.gateway.Caller;
import io.aura.gateway.PrivateBookings;
import io.aura.kernel.booking.BookingQueries.CalendarChange;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingQueries.WatchCalendar;
import io.aura.kernel.booking.BookingStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of calendar changes for API clients: one {@code calendar} event per burst,
 * holding every change of the last 250 ms (at most 4 a second), from a subscription query.
 */
@RestController
@Tag(name = "Dashboards")
public class StreamController {
    private final QueryGateway queries;
    private final LiveStreams streams;

    public StreamController(QueryGateway queries, LiveStreams streams) {
        this.queries = queries;
        this.streams = streams;
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

    @Operation(summary = "Live calendar changes as Server-Sent Events (event: calendar, data: [changes])")
    @GetMapping(value = "/api/stream", produces = "text/event-stream")
    @PreAuthorize("isAuthenticated()")
    public SseEmitter stream(@RequestParam(required = false) String resourceId, Authentication authentication)
            throws IOException {
        SubscriptionQueryResult<List<CalendarChange>, CalendarChange> subscription = queries.subscriptionQuery(
                new WatchCalendar(resourceId), ResponseTypes.multipleInstancesOf(CalendarChange.class),
                ResponseTypes.instanceOf(CalendarChange.class));
        // as the calendar shows them to this reader with the roles they have now: private ones as Busy (ADR 0040)
        return streams.open(authentication, Set.of(), subscription, "calendar", (burst, now) -> Change.of(burst,
                PrivateBookings.seenBy(queries, new Caller(now.username(), now.roles()))));
    }
}
