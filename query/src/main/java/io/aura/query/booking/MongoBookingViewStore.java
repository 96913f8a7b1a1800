package io.aura.query.booking;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.CheckInDue;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Booking views in MongoDB (production): one document per booking, keyed by its id, with the
 * indexes the calendar and "my bookings" need. MongoDB journals each acknowledged write; the views
 * and the processor's token are not one transaction there, so a crash may redeliver events, which
 * the projection recognises by the view's revision.
 */
public final class MongoBookingViewStore implements BookingViewStore {
    static final String COLLECTION = "bookings";

    private final MongoTemplate mongo;

    public MongoBookingViewStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("resourceId", Sort.Direction.ASC)
                .on("occurrences.start", Sort.Direction.ASC).named("calendar"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("requester", Sort.Direction.ASC)
                .on("start", Sort.Direction.DESC).named("mine"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("occurrences.checkInDueAt", Sort.Direction.ASC)
                .named("checkInDue"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("occurrences.start", Sort.Direction.ASC)
                .named("held"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("lastEnd", Sort.Direction.ASC).named("retention"));
        // documents written before lastEnd was kept (ADR 0047) get it, once, from their own record
        List<BookingDocument> old;
        do { // in pages: a large collection is not read into memory at once
            old = mongo.find(Query.query(Criteria.where("lastEnd").exists(false)).limit(1000), BookingDocument.class,
                    COLLECTION);
            old.forEach(doc -> mongo.save(BookingDocument.from(doc.toView()), COLLECTION));
        } while (!old.isEmpty());
    }

    @Override
    public Optional<BookingView> find(String bookingId) {
        return Optional.ofNullable(mongo.findById(bookingId, BookingDocument.class, COLLECTION)).map(BookingDocument::toView);
    }

    @Override
    public void save(BookingView view) {
        mongo.save(BookingDocument.from(view), COLLECTION);
    }

    @Override
    public List<BookingView> requestedBy(String requester, int limit) {
        return mongo.find(Query.query(Criteria.where("requester").is(requester))
                        .with(Sort.by(Sort.Direction.DESC, "start")).limit(limit), BookingDocument.class, COLLECTION)
                .stream().map(BookingDocument::toView).toList();
    }

    @Override
    public List<BookingView> mentioning(String username) {
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("requester").is(username),
                        Criteria.where("declinedBy").is(username))), BookingDocument.class, COLLECTION)
                .stream().map(BookingDocument::toView).toList();
    }

    @Override
    public List<CalendarEntry> activeBetween(Instant from, Instant to, String resourceId) {
        Criteria criteria = Criteria.where("status").in(BookingStatus.PENDING_APPROVAL, BookingStatus.CONFIRMED)
                .and("occurrences").elemMatch(Criteria.where("start").lt(to).and("end").gt(from));
        if (resourceId != null) {
            criteria = criteria.and("resourceId").is(resourceId);
        }
        List<CalendarEntry> entries = new ArrayList<>();
        for (BookingDocument doc : mongo.find(Query.query(criteria), BookingDocument.class, COLLECTION)) {
            for (Occurrence o : doc.occurrences()) {
                if (o.start().isBefore(to) && o.end().isAfter(from) && o.status().isActive()) {
                    entries.add(new CalendarEntry(doc.bookingId(), doc.title(), doc.resourceId(), o.start(), o.end(),
                            BookingStatus.valueOf(o.status().name()), doc.requester(), doc.privateBooking(),
                            doc.category()));
                }
            }
        }
        return entries;
    }

    @Override
    public List<BookingView> cancelledBetween(Instant from, Instant to, String resourceId) {
        Criteria criteria = Criteria.where("status").is(BookingStatus.CANCELLED).and("resourceId").is(resourceId)
                .and("occurrences").elemMatch(Criteria.where("start").lt(to).and("end").gt(from));
        return mongo.find(Query.query(criteria), BookingDocument.class, COLLECTION).stream()
                .map(BookingDocument::toView).toList();
    }

    @Override
    public List<BookingView> heldStartingBetween(Instant from, Instant to, String requester) {
        Criteria criteria = Criteria.where("occurrences").elemMatch(Criteria.where("start").gte(from).lt(to)
                .and("status").in(OccurrenceStatus.CONFIRMED, OccurrenceStatus.NO_SHOW));
        if (requester != null) {
            criteria = criteria.and("requester").is(requester);
        }
        return mongo.find(Query.query(criteria), BookingDocument.class, COLLECTION).stream()
                .map(BookingDocument::toView).toList();
    }

    @Override
    public List<CheckInDue> checkInsDue(Instant now, int limit) {
        Criteria criteria = Criteria.where("status").is(BookingStatus.CONFIRMED)
                .and("occurrences").elemMatch(Criteria.where("checkInDueAt").lte(now));
        List<Map.Entry<Instant, CheckInDue>> due = new ArrayList<>();
        for (BookingDocument doc : mongo.find(Query.query(criteria), BookingDocument.class, COLLECTION)) {
            for (Occurrence o : doc.occurrences()) {
                if (o.status() == OccurrenceStatus.CONFIRMED && o.checkInDueAt() != null && !o.checkInDueAt().isAfter(now)
                        && o.checkedInAt() == null) {
                    due.add(Map.entry(o.checkInDueAt(), new CheckInDue(doc.bookingId(), o.start(), o.end())));
                }
            }
        }
        // the order the SQL store answers in, so both hand the sweep the same first batch
        return due.stream().sorted(Comparator.comparing((Map.Entry<Instant, CheckInDue> d) -> d.getKey())
                        .thenComparing(d -> d.getValue().bookingId()).thenComparing(d -> d.getValue().start()))
                .limit(limit).map(Map.Entry::getValue).toList();
    }

    @Override
    public List<BookingView> endedBefore(Instant cutoff, String resourceId, int limit) {
        Criteria criteria = Criteria.where("lastEnd").lt(cutoff);
        if (resourceId != null) {
            criteria = criteria.and("resourceId").is(resourceId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Order.asc("lastEnd"), Sort.Order.asc("_id")))
                .limit(limit), BookingDocument.class, COLLECTION).stream().map(BookingDocument::toView).toList();
    }

    @Override
    public void remove(Collection<String> bookingIds) {
        if (!bookingIds.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(bookingIds)), COLLECTION);
        }
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), COLLECTION);
    }
}
