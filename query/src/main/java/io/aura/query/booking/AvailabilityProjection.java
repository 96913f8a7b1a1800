package io.aura.query.booking;

import io.aura.kernel.booking.BookingQueries.FindAlternatives;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.FindBlackout;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import io.aura.kernel.schedule.ScheduleQueries.FindClosedTimes;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleEvents.ExternalBusyChanged;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarUnlinked;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Blackouts on the read side, and "the same slot elsewhere" suggestions computed from the
 * resources, bookings and blackouts views. Suggestions only: the schedule still decides.
 */
@Component
@ProcessingGroup(AvailabilityProjection.PROCESSING_GROUP)
public class AvailabilityProjection {
    public static final String PROCESSING_GROUP = "availability";
    static final String BLACKOUTS = "blackouts";
    static final double SAME_TIME_ELSEWHERE_SCORE = 0.9;

    record BlackoutDocument(@Id String blackoutId, String resourceId, Instant start, Instant end, String reason) {}

    /** A busy time of a resource's linked Outlook calendar, as last read (keyed by resource and range: idempotent). */
    record ExternalBusyDocument(@Id String id, String resourceId, Instant start, Instant end) {}

    static final String EXTERNAL_BUSY = "external_busy";

    private final MongoTemplate mongo;
    private final BookingViewStore bookings;
    private final QueryUpdateEmitter emitter;

    public AvailabilityProjection(MongoTemplate mongo, BookingViewStore bookings, QueryUpdateEmitter emitter) {
        this.mongo = mongo;
        this.bookings = bookings;
        this.emitter = emitter;
        mongo.indexOps(BLACKOUTS).createIndex(new Index().on("resourceId", Sort.Direction.ASC)
                .on("start", Sort.Direction.ASC).named("resource_start"));
        mongo.indexOps(EXTERNAL_BUSY).createIndex(new Index().on("resourceId", Sort.Direction.ASC)
                .on("start", Sort.Direction.ASC).named("resource_start"));
    }

    /** What the calendar showed over the window replaces what was kept there (a redelivery writes the same). */
    @EventHandler
    void on(ExternalBusyChanged e) {
        mongo.remove(Query.query(Criteria.where("resourceId").is(e.resourceId()).and("start").lt(e.window().end())
                .and("end").gt(e.window().start())), EXTERNAL_BUSY);
        for (var busy : e.busy()) {
            mongo.save(new ExternalBusyDocument(e.resourceId() + "|" + busy.start() + "|" + busy.end(), e.resourceId(),
                    busy.start(), busy.end()), EXTERNAL_BUSY);
        }
    }

    @EventHandler
    void on(ExternalCalendarUnlinked e) {
        mongo.remove(Query.query(Criteria.where("resourceId").is(e.resourceId())), EXTERNAL_BUSY);
    }

    /** Blackouts and Outlook busy times overlapping [from, to), of one resource or (null) all: the times nobody may book. */
    Map<String, List<Instant[]>> closed(Instant from, Instant to, String resourceId) {
        Map<String, List<Instant[]>> closed = new HashMap<>();
        Criteria window = Criteria.where("start").lt(to).and("end").gt(from);
        if (resourceId != null) {
            window = window.and("resourceId").is(resourceId);
        }
        for (BlackoutDocument b : mongo.find(Query.query(window), BlackoutDocument.class, BLACKOUTS)) {
            closed.computeIfAbsent(b.resourceId(), k -> new ArrayList<>()).add(new Instant[] {b.start(), b.end()});
        }
        for (ExternalBusyDocument b : mongo.find(Query.query(window), ExternalBusyDocument.class, EXTERNAL_BUSY)) {
            closed.computeIfAbsent(b.resourceId(), k -> new ArrayList<>()).add(new Instant[] {b.start(), b.end()});
        }
        return closed;
    }

    @EventHandler
    void on(BlackoutAdded e) {
        mongo.save(new BlackoutDocument(e.blackoutId(), e.resourceId(), e.range().start(), e.range().end(), e.reason()),
                BLACKOUTS);
        // whoever added it waits for this (read your writes): suggestions and alternatives now avoid it
        emitter.emit(FindBlackout.class, q -> q.blackoutId().equals(e.blackoutId()),
                new BlackoutView(e.blackoutId(), e.resourceId(), e.range().start(), e.range().end(), e.reason()));
    }

    @QueryHandler
    Optional<BlackoutView> handle(FindBlackout q) {
        return Optional.ofNullable(mongo.findById(q.blackoutId(), BlackoutDocument.class, BLACKOUTS))
                .map(b -> new BlackoutView(b.blackoutId(), b.resourceId(), b.start(), b.end(), b.reason()));
    }

    @QueryHandler
    List<ClosedTime> handle(FindClosedTimes q) {
        Criteria window = Criteria.where("start").lt(q.to()).and("end").gt(q.from());
        if (q.resourceId() != null) {
            window = window.and("resourceId").is(q.resourceId());
        }
        List<ClosedTime> out = new ArrayList<>();
        for (BlackoutDocument b : mongo.find(Query.query(window), BlackoutDocument.class, BLACKOUTS)) {
            out.add(new ClosedTime(b.resourceId(), b.start(), b.end(), Conflict.Source.BLACKOUT, b.reason()));
        }
        for (ExternalBusyDocument b : mongo.find(Query.query(window), ExternalBusyDocument.class, EXTERNAL_BUSY)) {
            out.add(new ClosedTime(b.resourceId(), b.start(), b.end(), Conflict.Source.EXTERNAL, null));
        }
        out.sort(java.util.Comparator.comparing(ClosedTime::start));
        return out;
    }

    /** A replay starts from nothing: the views are rebuilt from the events alone. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), BLACKOUTS);
        mongo.remove(new Query(), EXTERNAL_BUSY);
    }

    @QueryHandler
    List<Suggestion> handle(FindAlternatives q) {
        List<Document> resources = new ArrayList<>(mongo.find(Query.query(Criteria.where("capacity").gte(q.attendees())
                .and("_id").ne(q.excludedResourceId())), Document.class, "resources"));
        if (resources.isEmpty()) {
            return List.of();
        }
        resources.sort(Comparator.comparing((Document r) -> r.getInteger("capacity")).thenComparing(r -> r.getString("_id")));
        // One read of what is busy around the slot (widest buffer), instead of one per resource.
        int widestBuffer = resources.stream().mapToInt(r -> r.getInteger("bufferMinutes", 0)).max().orElse(0);
        Instant from = q.start().minus(Duration.ofMinutes(widestBuffer));
        Instant to = q.end().plus(Duration.ofMinutes(widestBuffer));
        Map<String, List<Instant[]>> busy = new HashMap<>();
        for (var entry : bookings.activeBetween(from, to, null)) {
            busy.computeIfAbsent(entry.resourceId(), k -> new ArrayList<>()).add(new Instant[] {entry.start(), entry.end()});
        }
        closed(from, to, null).forEach((resource, ranges) ->
                busy.computeIfAbsent(resource, k -> new ArrayList<>()).addAll(ranges));
        List<Suggestion> out = new ArrayList<>();
        for (Document resource : resources) {
            if (out.size() >= q.limit()) {
                break;
            }
            String id = resource.getString("_id");
            Duration buffer = Duration.ofMinutes(resource.getInteger("bufferMinutes", 0));
            Instant wantedFrom = q.start().minus(buffer);
            Instant wantedTo = q.end().plus(buffer);
            boolean free = busy.getOrDefault(id, List.of()).stream()
                    .noneMatch(r -> r[0].isBefore(wantedTo) && r[1].isAfter(wantedFrom));
            if (free) {
                out.add(new Suggestion(id, q.start(), q.end(), SAME_TIME_ELSEWHERE_SCORE));
            }
        }
        return out;
    }
}
