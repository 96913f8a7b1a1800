package io.aura.query.booking;

import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.RescheduleAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.RescheduleRefused;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarChange;
import io.aura.kernel.booking.BookingQueries.WatchCalendar;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingQueries.FindBookingsOf;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingQueries.RescheduleOutcome;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per booking (status, slot, conflicts, suggestions) and the calendar read from it.
 * Every handler sets absolute values and the event's sequence number, so a redelivered event
 * leaves the same document.
 */
@Component
@ProcessingGroup(BookingProjection.PROCESSING_GROUP)
public class BookingProjection {
    public static final String PROCESSING_GROUP = "bookings";
    static final String COLLECTION = "bookings";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter emitter;

    public BookingProjection(MongoTemplate mongo, QueryUpdateEmitter emitter) {
        this.mongo = mongo;
        this.emitter = emitter;
        // What the calendar query needs on a real MongoDB (the embedded server accepts and ignores it).
        mongo.indexOps(COLLECTION).createIndex(new Index().on("resourceId", Sort.Direction.ASC)
                .on("occurrences.start", Sort.Direction.ASC).named("calendar"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("requester", Sort.Direction.ASC)
                .on("start", Sort.Direction.DESC).named("mine"));
    }

    @EventHandler
    void on(BookingRequested e, @SequenceNumber long sequence) {
        List<Occurrence> occurrences = e.occurrences().stream()
                .map(o -> new Occurrence(o.start(), o.end(), BookingStatus.REQUESTED.name())).toList();
        BookingView view = new BookingView(e.bookingId(), e.title(), e.resourceId(), e.range().start(),
                e.range().end(), BookingStatus.REQUESTED, e.requester(), e.attendees(),
                e.attendeeNames() == null ? List.of() : e.attendeeNames(), e.description(), e.recurrence(),
                occurrences, List.of(), List.of(), List.of(), null, sequence);
        mongo.save(BookingDocument.from(view), COLLECTION);
        publish(view);
    }

    @EventHandler
    void on(BookingConfirmed e, @SequenceNumber long sequence) {
        decided(e.bookingId(), sequence, BookingStatus.CONFIRMED, e.held(), e.skipped(), e.skippedConflicts());
    }

    @EventHandler
    void on(BookingAwaitingApproval e, @SequenceNumber long sequence) {
        decided(e.bookingId(), sequence, BookingStatus.PENDING_APPROVAL, e.held(), e.skipped(), e.skippedConflicts());
    }

    private void decided(String bookingId, long sequence, BookingStatus status, List<TimeRange> held,
                         List<TimeRange> skipped, List<Conflict> skippedConflicts) {
        List<Occurrence> occurrences = new ArrayList<>();
        held.forEach(o -> occurrences.add(new Occurrence(o.start(), o.end(), status.name())));
        skipped.forEach(o -> occurrences.add(new Occurrence(o.start(), o.end(), "SKIPPED")));
        occurrences.sort(Comparator.comparing(Occurrence::start));
        update(bookingId, sequence, new Update().set("status", status).set("occurrences", occurrences)
                .set("conflicts", skippedConflicts));
    }

    @EventHandler
    void on(OccurrenceCancelled e, @SequenceNumber long sequence) {
        BookingView view = findById(e.bookingId());
        if (view == null) {
            return;
        }
        List<Occurrence> occurrences = view.occurrences().stream()
                .map(o -> o.start().equals(e.occurrence().start()) && o.end().equals(e.occurrence().end())
                        ? new Occurrence(o.start(), o.end(), BookingStatus.CANCELLED.name())
                        : o)
                .toList();
        update(e.bookingId(), sequence, new Update().set("occurrences", occurrences));
    }

    @EventHandler
    void on(BookingRejected e, @SequenceNumber long sequence) {
        BookingView view = findById(e.bookingId());
        List<Occurrence> occurrences = view == null ? List.of() : view.occurrences().stream()
                .map(o -> new Occurrence(o.start(), o.end(), BookingStatus.REJECTED.name())).toList();
        update(e.bookingId(), sequence, new Update()
                .set("status", BookingStatus.REJECTED)
                .set("occurrences", occurrences)
                .set("conflicts", e.conflicts())
                .set("violations", messages(e.violations()))
                .set("suggestions", suggestions(e.resourceId(), e.suggestions(), findById(e.bookingId()))));
    }

    @EventHandler
    void on(BookingCancelled e, @SequenceNumber long sequence) {
        BookingView view = findById(e.bookingId());
        List<Occurrence> occurrences = view == null ? List.of() : view.occurrences().stream()
                .map(o -> BookingStatus.isActive(o.status())
                        ? new Occurrence(o.start(), o.end(), BookingStatus.CANCELLED.name()) : o)
                .toList();
        update(e.bookingId(), sequence, new Update().set("status", BookingStatus.CANCELLED)
                .set("occurrences", occurrences));
    }

    /** The approval was rejected or expired: the booking ends, its occurrences with it. */
    @EventHandler
    void on(BookingDeclined e, @SequenceNumber long sequence) {
        BookingView view = findById(e.bookingId());
        List<Occurrence> occurrences = view == null ? List.of() : view.occurrences().stream()
                .map(o -> BookingStatus.isActive(o.status())
                        ? new Occurrence(o.start(), o.end(), e.outcome().name()) : o)
                .toList();
        List<String> why = e.comment() == null || e.comment().isBlank() ? List.of()
                : List.of("approval: " + e.comment());
        update(e.bookingId(), sequence, new Update().set("status", e.outcome()).set("occurrences", occurrences)
                .set("violations", why));
    }

    @EventHandler
    void on(RescheduleAwaitingApproval e, @SequenceNumber long sequence) {
        update(e.bookingId(), sequence, new Update().set("lastReschedule",
                new RescheduleOutcome("PENDING_APPROVAL", e.to().start(), e.to().end(), List.of(), List.of())));
    }

    @EventHandler
    void on(RescheduleRequested e, @SequenceNumber long sequence) {
        update(e.bookingId(), sequence, new Update().set("lastReschedule",
                new RescheduleOutcome("PENDING", e.to().start(), e.to().end(), List.of(), List.of())));
    }

    @EventHandler
    void on(BookingRescheduled e, @SequenceNumber long sequence) {
        BookingView view = findById(e.bookingId());
        String status = view == null ? BookingStatus.CONFIRMED.name() : view.status().name();
        update(e.bookingId(), sequence, new Update()
                .set("start", e.to().start())
                .set("end", e.to().end())
                .set("occurrences", List.of(new Occurrence(e.to().start(), e.to().end(), status)))
                .set("lastReschedule", new RescheduleOutcome("MOVED", e.to().start(), e.to().end(), List.of(),
                        List.of())));
    }

    @EventHandler
    void on(RescheduleRefused e, @SequenceNumber long sequence) {
        update(e.bookingId(), sequence, new Update().set("lastReschedule", new RescheduleOutcome("REFUSED",
                e.to().start(), e.to().end(), e.conflicts(), messages(e.violations()))));
    }

    /** A replay starts from nothing: the views are rebuilt from the events alone. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    Optional<BookingView> handle(FindBooking query) {
        return Optional.ofNullable(findById(query.bookingId()));
    }

    @QueryHandler
    List<BookingView> handle(FindBookingsOf query) {
        return mongo.find(Query.query(Criteria.where("requester").is(query.requester()))
                        .with(Sort.by(Sort.Direction.DESC, "start")).limit(query.limit()), BookingDocument.class, COLLECTION)
                .stream().map(BookingDocument::toView).toList();
    }

    /** One entry per active occurrence overlapping the window (a single booking has one occurrence). */
    @QueryHandler
    List<CalendarEntry> handle(FindCalendar query) {
        Criteria criteria = Criteria.where("status").in(BookingStatus.PENDING_APPROVAL, BookingStatus.CONFIRMED)
                .and("occurrences").elemMatch(Criteria.where("start").lt(query.to()).and("end").gt(query.from()));
        if (query.resourceId() != null) {
            criteria = criteria.and("resourceId").is(query.resourceId());
        }
        List<CalendarEntry> entries = new ArrayList<>();
        for (BookingDocument doc : mongo.find(Query.query(criteria), BookingDocument.class, COLLECTION)) {
            for (Occurrence o : doc.occurrences()) {
                if (o.start().isBefore(query.to()) && o.end().isAfter(query.from())
                        && BookingStatus.isActive(o.status())) {
                    entries.add(new CalendarEntry(doc.bookingId(), doc.title(), doc.resourceId(), o.start(), o.end(),
                            BookingStatus.valueOf(o.status())));
                }
            }
        }
        entries.sort(Comparator.comparing(CalendarEntry::start).thenComparing(CalendarEntry::bookingId));
        return entries;
    }

    private void update(String bookingId, long sequence, Update update) {
        if (!watched(bookingId)) {
            // nobody listens (a replay, a quiet moment): a plain update, which may go out in bulk with its batch
            mongo.updateFirst(Query.query(Criteria.where("_id").is(bookingId)), update.set("revision", sequence),
                    COLLECTION);
            return;
        }
        // one round trip: the update answers with the document as it is afterwards
        BookingDocument updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(bookingId)),
                update.set("revision", sequence), FindAndModifyOptions.options().returnNew(true),
                BookingDocument.class, COLLECTION);
        if (updated != null) {
            publish(updated.toView());
        }
    }

    private BookingView findById(String bookingId) {
        BookingDocument doc = mongo.findById(bookingId, BookingDocument.class, COLLECTION);
        return doc == null ? null : doc.toView();
    }

    /** Whether a live query would receive this booking's change (then it is read back and emitted). */
    private boolean watched(String bookingId) {
        for (SubscriptionQueryMessage<?, ?, ?> subscription : emitter.activeSubscriptions()) {
            Object query = subscription.getPayload();
            if (query instanceof WatchCalendar || query instanceof FindBooking f && f.bookingId().equals(bookingId)) {
                return true;
            }
        }
        return false;
    }

    private void publish(BookingView view) {
        if (emitter.activeSubscriptions().isEmpty()) {
            return; // an update message costs a random id: none is made for nobody (a replay, mostly)
        }
        emitter.emit(FindBooking.class, q -> q.bookingId().equals(view.bookingId()), view);
        if (view.status() != BookingStatus.REQUESTED) {
            emitter.emit(WatchCalendar.class, q -> q.resourceId() == null || q.resourceId().equals(view.resourceId()),
                    new CalendarChange(view.bookingId(), view.title(), view.resourceId(), view.status(),
                            view.occurrences()));
        }
    }

    /** The initial answer of a live calendar subscription is empty: it streams changes from now on. */
    @QueryHandler
    List<CalendarChange> handle(WatchCalendar query) {
        return List.of();
    }

    private static List<String> messages(List<FieldViolation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).toList();
    }

    /** Nearest first; the score falls with the distance from the wanted start (1 = the same time). */
    private static List<Suggestion> suggestions(String resourceId, List<TimeRange> slots, BookingView wanted) {
        return slots.stream().map(slot -> {
            double hoursAway = wanted == null ? 0
                    : Math.abs(Duration.between(wanted.start(), slot.start()).toMinutes()) / 60.0;
            return new Suggestion(resourceId, slot.start(), slot.end(), Math.round(1000 / (1 + hoursAway)) / 1000.0);
        }).toList();
    }
}
