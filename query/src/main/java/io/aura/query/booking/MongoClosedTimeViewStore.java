package io.aura.query.booking;

import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Blackouts and linked-Outlook busy times in MongoDB (production): the collections {@code blackouts}
 * and {@code external_busy} in the shapes they always had, each indexed on (resource, start). Every
 * write is keyed by id, so a redelivered event writes the same documents again.
 */
public final class MongoClosedTimeViewStore implements ClosedTimeViewStore {
    static final String BLACKOUTS = "blackouts";
    static final String EXTERNAL_BUSY = "external_busy";

    /** {@code recurrence} added with repeating blackouts: documents stored before read it as null. */
    record BlackoutDocument(@Id String blackoutId, String resourceId, Instant start, Instant end, String reason,
                            String recurrence) {
        BlackoutView toView() {
            return new BlackoutView(blackoutId, resourceId, start, end, reason, recurrence);
        }
    }

    /** Keyed by resource and range (see {@link BusyTime}). */
    record ExternalBusyDocument(@Id String id, String resourceId, Instant start, Instant end) {}

    private final MongoTemplate mongo;

    public MongoClosedTimeViewStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(BLACKOUTS).createIndex(new Index().on("resourceId", Sort.Direction.ASC)
                .on("start", Sort.Direction.ASC).named("resource_start"));
        mongo.indexOps(EXTERNAL_BUSY).createIndex(new Index().on("resourceId", Sort.Direction.ASC)
                .on("start", Sort.Direction.ASC).named("resource_start"));
    }

    @Override
    public Optional<BlackoutView> findBlackout(String blackoutId) {
        return Optional.ofNullable(mongo.findById(blackoutId, BlackoutDocument.class, BLACKOUTS))
                .map(BlackoutDocument::toView);
    }

    @Override
    public void saveBlackout(BlackoutView b) {
        mongo.save(new BlackoutDocument(b.blackoutId(), b.resourceId(), b.start(), b.end(), b.reason(), b.recurrence()),
                BLACKOUTS);
    }

    @Override
    public void removeBlackout(String blackoutId) {
        mongo.remove(Query.query(Criteria.where("_id").is(blackoutId)), BLACKOUTS);
    }

    @Override
    public List<BlackoutView> blackoutsOf(String resourceId) {
        return mongo.find(Query.query(Criteria.where("resourceId").is(resourceId))
                        .with(Sort.by("start", "_id")), BlackoutDocument.class, BLACKOUTS).stream()
                .filter(b -> !ClosedTimeFold.isLaterDate(b.blackoutId())).map(BlackoutDocument::toView).toList();
    }

    @Override
    public List<BusyTime> busyBetween(String resourceId, Instant from, Instant to) {
        return busy(window(from, to, resourceId));
    }

    @Override
    public List<BusyTime> busyOf(String resourceId) {
        return busy(Criteria.where("resourceId").is(resourceId));
    }

    @Override
    public void changeBusy(ClosedTimeFold.BusyChanges changes) {
        if (!changes.removed().isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(changes.removed().stream().map(BusyTime::id).toList())),
                    EXTERNAL_BUSY);
        }
        for (BusyTime b : changes.added()) {
            mongo.save(new ExternalBusyDocument(b.id(), b.resourceId(), b.start(), b.end()), EXTERNAL_BUSY);
        }
    }

    @Override
    public List<ClosedTime> closedBetween(Instant from, Instant to, String resourceId) {
        Criteria window = window(from, to, resourceId);
        List<ClosedTime> out = new ArrayList<>();
        for (BlackoutDocument b : mongo.find(Query.query(window), BlackoutDocument.class, BLACKOUTS)) {
            out.add(new ClosedTime(b.resourceId(), b.start(), b.end(), Conflict.Source.BLACKOUT, b.reason()));
        }
        for (ExternalBusyDocument b : mongo.find(Query.query(window), ExternalBusyDocument.class, EXTERNAL_BUSY)) {
            out.add(new ClosedTime(b.resourceId(), b.start(), b.end(), Conflict.Source.EXTERNAL, null));
        }
        out.sort(ORDER);
        return out;
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), BLACKOUTS);
        mongo.remove(new Query(), EXTERNAL_BUSY);
    }

    private static Criteria window(Instant from, Instant to, String resourceId) {
        Criteria window = Criteria.where("start").lt(to).and("end").gt(from);
        return resourceId == null ? window : window.and("resourceId").is(resourceId);
    }

    private List<BusyTime> busy(Criteria criteria) {
        return mongo.find(Query.query(criteria), ExternalBusyDocument.class, EXTERNAL_BUSY).stream()
                .map(b -> new BusyTime(b.id(), b.resourceId(), b.start(), b.end())).toList();
    }
}
