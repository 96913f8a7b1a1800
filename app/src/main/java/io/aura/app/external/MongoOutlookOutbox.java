package io.aura.app.external;

import static io.aura.app.external.OutlookOutbox.Status.DONE;
import static io.aura.app.external.OutlookOutbox.Status.PENDING;

import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The Outlook outbox in MongoDB (views in MongoDB, production). The processor's token is not written
 * with it there, so a crash may redeliver an event: links, bookings and dates are set to what the event
 * says (the same again), and a delivery is an upsert that only inserts, so nothing is queued twice.
 */
public final class MongoOutlookOutbox implements OutlookOutbox {
    static final String LINKS = "outlook_links";
    static final String BOOKINGS = "outlook_bookings";
    static final String DATES = "outlook_dates";
    static final String DELIVERIES = "outlook_deliveries";

    record LinkDocument(@Id String resourceId, String mailbox) {}

    record BookingDocument(@Id String bookingId, String resourceId, String title, String requester) {}

    record DateDocument(@Id String id, String bookingId, Instant date, String mailbox, Instant start, Instant end,
                        boolean live) {}

    record DeliveryDocument(@Id String id, String bookingId, Instant date, String mailbox, Kind kind, String subject,
                            Instant start, Instant end, long order, Status status, int attempts, Instant nextAttemptAt,
                            String externalEventId, String lastError) {
        Delivery toDelivery() {
            return new Delivery(id, bookingId, date, mailbox, kind, subject, new TimeRange(start, end), order, status,
                    attempts, nextAttemptAt, externalEventId, lastError);
        }
    }

    private final MongoTemplate mongo;

    public MongoOutlookOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(DELIVERIES).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(DELIVERIES).createIndex(new Index().on("bookingId", Sort.Direction.ASC)
                .on("date", Sort.Direction.ASC).named("date"));
        mongo.indexOps(DATES).createIndex(new Index().on("bookingId", Sort.Direction.ASC).named("booking"));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    @Override
    public void link(String resourceId, String mailbox) {
        if (mailbox == null) {
            mongo.remove(byId(resourceId), LINKS);
        } else {
            mongo.save(new LinkDocument(resourceId, mailbox), LINKS);
        }
    }

    @Override
    public Optional<String> mailboxOf(String resourceId) {
        return Optional.ofNullable(mongo.findById(resourceId, LinkDocument.class, LINKS)).map(LinkDocument::mailbox);
    }

    @Override
    public void saveBooking(Booking booking) {
        mongo.save(new BookingDocument(booking.bookingId(), booking.resourceId(), booking.title(), booking.requester()),
                BOOKINGS);
    }

    @Override
    public Optional<Booking> booking(String bookingId) {
        return Optional.ofNullable(mongo.findById(bookingId, BookingDocument.class, BOOKINGS))
                .map(b -> new Booking(b.bookingId(), b.resourceId(), b.title(), b.requester()));
    }

    @Override
    public void saveDate(OutlookDate d) {
        mongo.save(new DateDocument(d.bookingId() + "/" + d.date().toEpochMilli(), d.bookingId(), d.date(), d.mailbox(),
                d.times().start(), d.times().end(), d.live()), DATES);
    }

    @Override
    public List<OutlookDate> datesOf(String bookingId) {
        return mongo.find(Query.query(Criteria.where("bookingId").is(bookingId)), DateDocument.class, DATES).stream()
                .map(d -> new OutlookDate(d.bookingId(), d.date(), d.mailbox(), new TimeRange(d.start(), d.end()), d.live()))
                .sorted(Comparator.comparing(OutlookDate::date)).toList();
    }

    @Override
    public void addDelivery(Delivery d) {
        Update insert = new Update().setOnInsert("bookingId", d.bookingId()).setOnInsert("date", d.date())
                .setOnInsert("mailbox", d.mailbox()).setOnInsert("kind", d.kind().name())
                .setOnInsert("subject", d.subject()).setOnInsert("start", d.times().start())
                .setOnInsert("end", d.times().end()).setOnInsert("order", d.order())
                .setOnInsert("status", d.status().name()).setOnInsert("attempts", d.attempts())
                .setOnInsert("nextAttemptAt", d.nextAttemptAt());
        mongo.upsert(byId(d.id()), insert, DELIVERIES);
    }

    @Override
    public List<Booking> bookingsOf(String requester) {
        return mongo.find(Query.query(Criteria.where("requester").is(requester)), BookingDocument.class, BOOKINGS)
                .stream().map(b -> new Booking(b.bookingId(), b.resourceId(), b.title(), b.requester())).toList();
    }

    @Override
    public void renameDeliveries(String bookingId, String subject) {
        mongo.updateMulti(Query.query(Criteria.where("bookingId").is(bookingId)), new Update().set("subject", subject),
                DELIVERIES);
    }

    @Override
    public Optional<Delivery> claimDue(Instant now, Instant leaseUntil) {
        for (int round = 0; round < 10; round++) {
            List<DeliveryDocument> due = mongo.find(Query.query(Criteria.where("status").is(PENDING.name())
                    .and("nextAttemptAt").lte(now)).with(Sort.by("nextAttemptAt")).limit(20), DeliveryDocument.class,
                    DELIVERIES);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            for (DeliveryDocument d : due) {
                boolean earlierWaits = mongo.exists(Query.query(Criteria.where("bookingId").is(d.bookingId())
                        .and("date").is(d.date()).and("status").is(PENDING.name()).and("order").lt(d.order())),
                        DELIVERIES);
                if (earlierWaits) {
                    continue;
                }
                DeliveryDocument claimed = mongo.findAndModify(Query.query(Criteria.where("_id").is(d.id())
                                .and("status").is(PENDING.name()).and("nextAttemptAt").is(d.nextAttemptAt())
                                .and("attempts").is(d.attempts())),
                        new Update().set("nextAttemptAt", leaseUntil), FindAndModifyOptions.options().returnNew(true),
                        DeliveryDocument.class, DELIVERIES);
                if (claimed != null) {
                    return Optional.of(claimed.toDelivery());
                }
            }
            if (due.size() < 20) {
                return Optional.empty(); // each one due waits for an earlier one
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> externalEventId(String bookingId, Instant date) {
        return mongo.find(Query.query(Criteria.where("bookingId").is(bookingId).and("date").is(date)
                        .and("status").is(DONE.name()).and("externalEventId").ne(null))
                        .with(Sort.by(Sort.Direction.DESC, "order")), DeliveryDocument.class, DELIVERIES).stream()
                .map(DeliveryDocument::externalEventId).findFirst();
    }

    @Override
    public void done(String deliveryId, String externalEventId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(deliveryId).and("status").is(PENDING.name())),
                new Update().set("status", DONE.name()).inc("attempts", 1).set("externalEventId", externalEventId)
                        .unset("lastError"), DELIVERIES);
    }

    @Override
    public void failed(String deliveryId, Status status, int attempts, String error, Instant nextAttemptAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(deliveryId).and("status").is(PENDING.name())),
                new Update().set("status", status.name()).set("attempts", attempts).set("lastError", error)
                        .set("nextAttemptAt", nextAttemptAt), DELIVERIES);
    }

    @Override
    public List<Delivery> deliveriesOf(String bookingId) {
        return mongo.find(Query.query(Criteria.where("bookingId").is(bookingId)), DeliveryDocument.class, DELIVERIES)
                .stream().map(DeliveryDocument::toDelivery)
                .sorted(Comparator.comparingLong(Delivery::order).thenComparing(Delivery::date)).toList();
    }

    @Override
    public long count(String mailbox, Status status) {
        return mongo.count(Query.query(Criteria.where("mailbox").is(mailbox).and("status").is(status.name())), DELIVERIES);
    }
}
