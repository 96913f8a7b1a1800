package io.aura.app.api.booking;

import io.aura.app.api.NotFoundException;
import io.aura.gateway.Caller;
import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.booking.BookingCommands.CheckIn;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check-in (API.md v1.1, ADR 0033): the requester (or an administrator) is at the room. The booking
 * decides whether its window is open; the time is the server's clock, never the caller's.
 */
@RestController
@Tag(name = "Bookings")
public class CheckInController {
    private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final Clock clock;

    public CheckInController(CommandGateway commands, ReadYourWrites readYourWrites, QueryGateway queries,
                             Clock clock) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.clock = clock;
    }

    /** The answer: which booking, and when it was checked in (the first check-in if it was already). */
    public record CheckedIn(String bookingId, Instant checkedInAt) {}

    @Operation(summary = "Check in to a booking (owner or ADMIN): from 15 minutes before a date's start until its "
            + "check-in window ends (start + the resource's checkIn.windowMinutes; without a policy, until its end). "
            + "Outside it: 400 naming checkedInAt with the window; a booking holding no date: 400 naming bookingId. "
            + "A date not checked in by the window's end on a resource with checkIn.required becomes NO_SHOW and is "
            + "released. Checking in again answers the first check-in")
    @PostMapping("/events/{bookingId}/check-in")
    @PreAuthorize("isAuthenticated()")
    public CheckedIn checkIn(@PathVariable String bookingId, Authentication authentication) {
        queries.query(new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingView.class)).join()
                .orElseThrow(() -> new NotFoundException("No booking " + bookingId));
        Caller caller = Caller.of(authentication);
        Instant at = commands.sendAndWait(new CheckIn(bookingId, clock.instant(), caller.name(), caller.isAdmin()));
        // the answer once the booking's view shows it, so a status read right after agrees
        readYourWrites.await(new FindBooking(bookingId), BookingView.class,
                v -> v.occurrences().stream().anyMatch(o -> at.equals(o.checkedInAt())), VIEW_TIMEOUT);
        return new CheckedIn(bookingId, at);
    }
}
