package io.aura.ui.booking;

import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.booking.BookingCommands.CheckIn;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.ui.SignedIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * Check-in from the web UI (ADR 0033): the "Check in" button of My bookings and the page a room's QR code opens.
 * The booking decides whether its window is open; this only finds which booking and date to offer.
 */
@Service
public class CheckInDesk {
    /** A check-in window is at most this long after a start (CheckInPolicy's largest). */
    private static final Duration LONGEST_WINDOW = Duration.ofMinutes(CheckInPolicy.MAX_WINDOW_MINUTES);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final Clock clock;

    public CheckInDesk(ReadYourWrites readYourWrites, QueryGateway queries, Clock clock) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * The date of {@code booking} open for check-in at {@code now}: confirmed, not checked in, from 15 minutes before
     * its start until its no-show time (a date without one: until its end). Pure: the view's own times.
     */
    static Optional<Occurrence> openAt(BookingView booking, Instant now) {
        if (booking.status() != BookingStatus.CONFIRMED) {
            return Optional.empty();
        }
        return booking.occurrences().stream()
                .filter(o -> o.status() == OccurrenceStatus.CONFIRMED && o.checkedInAt() == null)
                .filter(o -> !now.isBefore(o.start().minus(CheckInPolicy.EARLY))
                        && now.isBefore(o.checkInDueAt() != null ? o.checkInDueAt() : o.end()))
                .findFirst();
    }

    /** The date open for check-in now, if any. */
    public Optional<Occurrence> open(BookingView booking) {
        return openAt(booking, clock.instant());
    }

    /** Checks the signed-in user (or an ADMIN for them) in; answers when, once the booking's view shows it. */
    public Instant checkIn(String bookingId) {
        BookingView after = readYourWrites.sendAndAwait(
                        new CheckIn(bookingId, clock.instant(), SignedIn.name(), SignedIn.has("ADMIN")),
                        new FindBooking(bookingId), BookingView.class,
                        v -> v.occurrences().stream().anyMatch(o -> o.checkedInAt() != null), BookingDesk.DECISION_TIMEOUT)
                .orElseThrow(() -> new IllegalStateException("the check-in is not shown yet"));
        return after.occurrences().stream().map(Occurrence::checkedInAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    public Optional<ResourceView> resource(String resourceId) {
        return queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class)).join();
    }

    /**
     * The room's booking to check in to now: the one whose check-in window is open (the earliest start first), or
     * none. Anyone signed in sees that there is one and when; its owner (or an ADMIN) may check in.
     */
    public Optional<BookingView> current(String resourceId) {
        Instant now = clock.instant();
        return queries.query(new FindCalendar(now.minus(LONGEST_WINDOW), now.plus(CheckInPolicy.EARLY).plusMillis(1),
                        resourceId), ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join().stream()
                .sorted(Comparator.comparing(CalendarEntry::start))
                .map(e -> queries.query(new FindBooking(e.bookingId()), ResponseTypes.optionalInstanceOf(BookingView.class))
                        .join())
                .flatMap(Optional::stream)
                .filter(b -> openAt(b, now).isPresent())
                .findFirst();
    }
}
