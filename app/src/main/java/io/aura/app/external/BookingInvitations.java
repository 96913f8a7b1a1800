package io.aura.app.external;

import io.aura.app.external.IcsCalendar.ItipMethod;
import io.aura.app.notify.BookingReminders;
import io.aura.app.notify.CalendarInvitations;
import io.aura.app.notify.InboxEntry;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.booking.RescheduleStatus;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The iTIP part of a booking's mail (ADR 0035), from the booking view as it stands when the mail goes
 * out: REQUEST while the booking holds its slot (confirmed, moved), CANCEL once it is cancelled, or for
 * the dates of a series cancelled one by one. UID and SEQUENCE are the feeds' ({@link IcsCalendar}), so
 * the mail and a subscribed feed update the same calendar entry. A mail about a change the views do not
 * show yet waits ({@link NotYet}); the outbox asks again a moment later.
 */
@Component
public class BookingInvitations implements CalendarInvitations {
    private final QueryGateway queries;
    private final Clock clock;
    private final String organizer;

    public BookingInvitations(QueryGateway queries, Clock clock,
                              @Value("${aura.mail.from:aura-scheduler@localhost}") String organizer) {
        this.queries = queries;
        this.clock = clock;
        this.organizer = organizer;
    }

    @Override
    public Invitation of(InboxEntry mail) {
        if (mail.bookingId() == null || mail.email() == null) {
            return new None();
        }
        String type = mail.type();
        if (BookingReminders.TYPE.equals(type)) {
            return reminder(mail);
        }
        if (!List.of("BOOKING_CONFIRMED", "BOOKING_MOVED", "BOOKING_CANCELLED", "OCCURRENCE_CANCELLED")
                .contains(type)) {
            return new None();
        }
        Optional<BookingView> found = booking(mail.bookingId());
        if (found.isEmpty()) {
            return new NotYet();
        }
        BookingView booking = found.get();
        if (booking.status() == BookingStatus.CANCELLED) {
            return part(ItipMethod.CANCEL, booking, List.of(), mail); // whatever the mail says, it ended since
        }
        if (!booking.status().isActive()) {
            return booking.status() == BookingStatus.REQUESTED ? new NotYet() : new None();
        }
        return switch (type) {
            case "BOOKING_CONFIRMED" -> booking.status() == BookingStatus.CONFIRMED
                    ? part(ItipMethod.REQUEST, booking, List.of(), mail) : new NotYet();
            case "BOOKING_MOVED" -> booking.lastReschedule() != null
                    && booking.lastReschedule().status() == RescheduleStatus.MOVED
                    ? part(ItipMethod.REQUEST, booking, List.of(), mail) : new NotYet();
            case "OCCURRENCE_CANCELLED" -> {
                List<Occurrence> cancelled = booking.occurrences().stream()
                        .filter(o -> o.status() == OccurrenceStatus.CANCELLED).toList();
                yield cancelled.isEmpty() ? new NotYet() : part(ItipMethod.CANCEL, booking, cancelled, mail);
            }
            default -> new NotYet(); // cancelled, but the view still holds the slot
        };
    }

    /**
     * A reminder carries the booking as it stands, as the confirmation did (REQUEST, the same UID, the
     * current SEQUENCE), while its date still holds its slot at the time reminded and has not begun;
     * otherwise it is dropped: a reminder of a date that is gone or moved would mislead (ADR 0038).
     */
    private Invitation reminder(InboxEntry mail) {
        Optional<Instant> date = BookingReminders.dateOf(mail);
        if (date.isEmpty()) {
            return new None();
        }
        Optional<BookingView> found = booking(mail.bookingId());
        if (found.isEmpty()) {
            return new NotYet();
        }
        BookingView booking = found.get();
        boolean holds = booking.status() == BookingStatus.CONFIRMED && booking.occurrences().stream()
                .anyMatch(o -> o.start().equals(date.get()) && o.status() == OccurrenceStatus.CONFIRMED);
        if (!holds || !clock.instant().isBefore(date.get())) {
            return new Dropped();
        }
        return part(ItipMethod.REQUEST, booking, List.of(), mail);
    }

    private Part part(ItipMethod method, BookingView booking, List<Occurrence> cancelledDates, InboxEntry mail) {
        String location = queries.query(new FindResource(booking.resourceId()),
                        ResponseTypes.optionalInstanceOf(ResourceView.class)).join()
                .map(r -> r.spec().name()).orElse(null);
        String name = queries.query(new FindUser(mail.user()), ResponseTypes.optionalInstanceOf(UserView.class))
                .join().map(UserView::displayName).orElse(null);
        return new Part(method.name(), IcsCalendar.invitation(method, booking, cancelledDates, location, organizer,
                mail.email(), name, clock.instant()));
    }

    private Optional<BookingView> booking(String bookingId) {
        return queries.query(new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingView.class)).join();
    }
}
