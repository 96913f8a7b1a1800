package io.aura.query.booking;

import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingCheckedIn;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingMarkedNoShow;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.ExternalEventRecorded;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.booking.BookingEvents.RescheduleAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.RescheduleRefused;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarChange;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.CheckInDue;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingQueries.FindBookingsOf;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingQueries.FindCancelledBookings;
import io.aura.kernel.booking.BookingQueries.FindCheckInsDue;
import io.aura.kernel.booking.BookingQueries.FindHeldBookings;
import io.aura.kernel.booking.BookingQueries.WatchCalendar;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.query.store.ViewChanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The booking views and the calendar read from them. Each handler computes the booking's next view
 * with {@link BookingViewFold} and the {@link BookingViewStore} saves it; an event at or below the
 * view's revision was seen before (a redelivery after a crash) and changes nothing.
 */
@Component
@ProcessingGroup(BookingProjection.PROCESSING_GROUP)
public class BookingProjection {
    public static final String PROCESSING_GROUP = "bookings";

    private final BookingViewStore views;
    private final QueryUpdateEmitter emitter;
    private final ViewChanges otherNodes;

    public BookingProjection(BookingViewStore views, QueryUpdateEmitter emitter) {
        this(views, emitter, ViewChanges.NONE);
    }

    @Autowired
    public BookingProjection(BookingViewStore views, QueryUpdateEmitter emitter, Optional<ViewChanges> otherNodes) {
        this(views, emitter, otherNodes.orElse(ViewChanges.NONE));
    }

    private BookingProjection(BookingViewStore views, QueryUpdateEmitter emitter, ViewChanges otherNodes) {
        this.views = views;
        this.emitter = emitter;
        this.otherNodes = otherNodes;
    }

    @EventHandler
    void on(BookingRequested e, @SequenceNumber long sequence) {
        if (views.find(e.bookingId()).filter(v -> v.revision() >= sequence).isPresent()) {
            return;
        }
        save(BookingViewFold.requested(e, sequence));
    }

    @EventHandler
    void on(BookingConfirmed e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.decided(v, BookingStatus.CONFIRMED, e.held(), e.skipped(),
                e.skippedConflicts(), e.checkIn(), sequence));
    }

    @EventHandler
    void on(BookingAwaitingApproval e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.decided(v, BookingStatus.PENDING_APPROVAL, e.held(),
                e.skipped(), e.skippedConflicts(), e.checkIn(), sequence));
    }

    @EventHandler
    void on(OccurrenceCancelled e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.occurrenceCancelled(v, e.occurrence(), sequence));
    }

    @EventHandler
    void on(BookingRejected e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.rejected(v, e, sequence));
    }

    @EventHandler
    void on(BookingCancelled e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.cancelled(v, sequence));
    }

    @EventHandler
    void on(BookingDeclined e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.declined(v, e, sequence));
    }

    @EventHandler
    void on(RescheduleAwaitingApproval e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.rescheduleAwaitingApproval(v, e.to(), sequence));
    }

    @EventHandler
    void on(RescheduleRequested e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.rescheduleRequested(v, e.to(), sequence));
    }

    @EventHandler
    void on(BookingRescheduled e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.rescheduled(v, e, sequence));
    }

    @EventHandler
    void on(RescheduleRefused e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.rescheduleRefused(v, e, sequence));
    }

    @EventHandler
    void on(BookingCheckedIn e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.checkedIn(v, e.occurrence(), e.at(), sequence));
    }

    @EventHandler
    void on(OccurrenceMarkedNoShow e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.noShow(v, e.occurrence(), sequence));
    }

    @EventHandler
    void on(BookingMarkedNoShow e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.bookingNoShow(v, sequence));
    }

    @EventHandler
    void on(ExternalEventRecorded e, @SequenceNumber long sequence) {
        change(e.bookingId(), sequence, v -> BookingViewFold.externalEventRecorded(v, e.occurrence(),
                e.externalEventId(), sequence));
    }

    /**
     * An erased person's bookings and the comments they wrote on others' are forgotten (ADR 0046): in this
     * processor, so the calendar rows, reports and feeds read from these views forget them with it, and a
     * replay forgets them again at the same point of the stream.
     */
    @EventHandler
    void on(UserErased e) {
        for (BookingView before : views.mentioning(e.username())) {
            BookingView after = BookingViewFold.erased(before, e.username());
            if (!after.equals(before)) { // erased before: nothing to write or tell
                save(after);
            }
        }
    }

    /** A replay starts from nothing: the views are rebuilt from the events alone. */
    @ResetHandler
    void reset() {
        views.clear();
    }

    @QueryHandler
    Optional<BookingView> handle(FindBooking query) {
        return views.find(query.bookingId());
    }

    @QueryHandler
    List<BookingView> handle(FindBookingsOf query) {
        return views.requestedBy(query.requester(), query.limit());
    }

    /** One entry per active occurrence overlapping the window (a single booking has one occurrence). */
    @QueryHandler
    List<CalendarEntry> handle(FindCalendar query) {
        List<CalendarEntry> entries = new ArrayList<>(views.activeBetween(query.from(), query.to(), query.resourceId()));
        entries.sort(Comparator.comparing(CalendarEntry::start).thenComparing(CalendarEntry::bookingId));
        return entries;
    }

    @QueryHandler
    List<BookingView> handle(FindCancelledBookings query) {
        List<BookingView> cancelled = new ArrayList<>(views.cancelledBetween(query.from(), query.to(),
                query.resourceId()));
        cancelled.sort(Comparator.comparing(BookingView::start).thenComparing(BookingView::bookingId));
        return cancelled;
    }

    /** The dates due for their no-show check, for the sweep (ADR 0033). */
    @QueryHandler
    List<BookingView> handle(FindHeldBookings query) {
        return views.heldStartingBetween(query.from(), query.to(), query.requester());
    }

    @QueryHandler
    List<CheckInDue> handle(FindCheckInsDue query) {
        return views.checkInsDue(query.now(), query.limit());
    }

    /** The initial answer of a live calendar subscription is empty: it streams changes from now on. */
    @QueryHandler
    List<CalendarChange> handle(WatchCalendar query) {
        return List.of();
    }

    /** The next view of a booking this projection knows, unless the event was seen before. */
    private void change(String bookingId, long sequence, UnaryOperator<BookingView> next) {
        views.find(bookingId).filter(v -> v.revision() < sequence).map(next).ifPresent(this::save);
    }

    private void save(BookingView view) {
        views.save(view);
        publish(view);
    }

    /** Live queries hear of the change once it is committed (the emitter waits for the unit of work). */
    private void publish(BookingView view) {
        otherNodes.bookingChanged(view.bookingId());
        publish(emitter, view);
    }

    /** Tells this node's live queries about a booking's view: the projection, and the news from other nodes. */
    public static void publish(QueryUpdateEmitter emitter, BookingView view) {
        if (emitter.activeSubscriptions().isEmpty()) {
            return; // an update message costs a random id: none is made for nobody (a replay, mostly)
        }
        emitter.emit(FindBooking.class, q -> q.bookingId().equals(view.bookingId()), view);
        if (view.status() != BookingStatus.REQUESTED) {
            emitter.emit(WatchCalendar.class, q -> q.resourceId() == null || q.resourceId().equals(view.resourceId()),
                    new CalendarChange(view.bookingId(), view.title(), view.resourceId(), view.status(),
                            view.occurrences(), view.requester(), view.privateBooking(), view.category()));
        }
    }
}
