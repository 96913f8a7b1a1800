package io.aura.query.booking;

import io.aura.kernel.booking.ContentionModel.HourFacts;
import io.aura.kernel.booking.ContentionModel.PastHour;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The heatmap's buckets as past hours to learn from: for every local hour of every resource in
 * the weeks given (since it was registered), how booked it was (booked / bookable minutes; an
 * hour without a bucket was bookable and empty) and what was known before it — that weekday and
 * hour over the four weeks before, and the resource over all hours then. Read from the views only.
 */
@Component
public class OccupancyHistory {
    static final int LOOKBACK_WEEKS = 4;

    private final MongoTemplate mongo;

    public OccupancyHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Past hours of the {@code weeks} weeks before {@code now}'s day, each resource in its own zone. */
    public List<PastHour> pastHours(Instant now, int weeks) {
        Map<String, Integer> capacity = new HashMap<>();
        for (Document r : mongo.find(new Query(), Document.class, "resources")) {
            capacity.put(r.getString("_id"), r.getInteger("capacity", 1));
        }
        List<PastHour> rows = new ArrayList<>();
        for (Document zoneDoc : mongo.find(new Query(), Document.class, HeatmapProjection.ZONES)) {
            String resourceId = zoneDoc.getString("_id");
            ZoneId zone = ZoneId.of(zoneDoc.getString("timeZone"));
            Date registeredAt = zoneDoc.getDate("registeredAt");
            LocalDate today = now.atZone(zone).toLocalDate();
            LocalDate first = today.minusWeeks(weeks);
            LocalDate readFrom = first.minusWeeks(LOOKBACK_WEEKS);
            double[][] utilization = utilization(resourceId, zone, registeredAt == null ? null : registeredAt.toInstant(),
                    readFrom, today);
            for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
                int d = (int) ChronoUnit.DAYS.between(readFrom, day);
                double resourceLately = mean(utilization, d - 7 * LOOKBACK_WEEKS, d, -1);
                for (int hour = 0; hour < 24; hour++) {
                    double u = utilization[d][hour];
                    if (Double.isNaN(u)) {
                        continue; // not bookable then (before registration, blacked out)
                    }
                    double sameHour = mean(utilization, d - 7 * LOOKBACK_WEEKS, d, hour, 7);
                    rows.add(new PastHour(new HourFacts(day.getDayOfWeek().getValue(), hour,
                            capacity.getOrDefault(resourceId, 1), sameHour, resourceLately), u >= 0.5));
                }
            }
        }
        return rows;
    }

    /** utilization[day since readFrom][local hour]; NaN where the hour could not be booked. */
    private double[][] utilization(String resourceId, ZoneId zone, Instant registeredAt, LocalDate readFrom,
                                   LocalDate until) {
        int days = (int) ChronoUnit.DAYS.between(readFrom, until);
        double[][] booked = new double[days][24];
        double[][] blocked = new double[days][24];
        for (Document bucket : mongo.find(Query.query(Criteria.where("resourceId").is(resourceId)
                .and("date").gte(readFrom.toString()).lt(until.toString())), Document.class, HeatmapProjection.HOURS)) {
            int d = (int) ChronoUnit.DAYS.between(readFrom, LocalDate.parse(bucket.getString("date")));
            int h = bucket.getInteger("hour");
            booked[d][h] += minutes(bucket.get("shares", Document.class));
            blocked[d][h] += minutes(bucket.get("blocked", Document.class));
        }
        double[][] out = new double[days][24];
        for (int d = 0; d < days; d++) {
            for (int h = 0; h < 24; h++) {
                ZonedDateTime start = LocalDateTime.of(readFrom.plusDays(d), java.time.LocalTime.of(h, 0)).atZone(zone);
                double bookable = 60 - blocked[d][h];
                boolean existed = registeredAt == null || !start.toInstant().isBefore(registeredAt);
                out[d][h] = !existed || bookable <= 0 ? Double.NaN : Math.min(1, booked[d][h] / bookable);
            }
        }
        return out;
    }

    /** Mean of the known cells of days [from, to) (every {@code step}-th day), one hour or (hour < 0) all. */
    private static double mean(double[][] u, int from, int to, int hour, int step) {
        double sum = 0;
        int n = 0;
        for (int d = to - step; d >= Math.max(0, from); d -= step) {
            for (int h = hour < 0 ? 0 : hour; h <= (hour < 0 ? 23 : hour); h++) {
                if (!Double.isNaN(u[d][h])) {
                    sum += u[d][h];
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double mean(double[][] u, int from, int to, int hour) {
        return mean(u, from, to, hour, 1);
    }

    private static long minutes(Document perSlice) {
        return perSlice == null ? 0 : perSlice.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    }
}
