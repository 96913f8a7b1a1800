package io.aura.query.booking;

import io.aura.kernel.booking.ContentionEvaluation.DatedHour;
import io.aura.kernel.booking.ContentionModel.HourFacts;
import io.aura.kernel.booking.ContentionModel.PastHour;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.query.booking.HeatmapStore.HourTotals;
import io.aura.query.booking.HeatmapStore.Zone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
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

    private final HeatmapStore heatmap;
    private final Supplier<List<ResourceView>> resources;

    /** Resources as the resource list answers them (that view is kept elsewhere, by its own projection). */
    @Autowired
    public OccupancyHistory(HeatmapStore heatmap, @Lazy QueryGateway queries) {
        this(heatmap, () -> queries.query(new ListResources(), ResponseTypes.multipleInstancesOf(ResourceView.class))
                .join());
    }

    OccupancyHistory(HeatmapStore heatmap, Supplier<List<ResourceView>> resources) {
        this.heatmap = heatmap;
        this.resources = resources;
    }

    /** Past hours of the {@code weeks} weeks before {@code now}'s day, each resource in its own zone. */
    public List<PastHour> pastHours(Instant now, int weeks) {
        return datedHours(now, weeks).stream().map(DatedHour::hour).toList();
    }

    /** The same hours with their resource and local day: what a time-split hold-out cuts (ADR 0050). */
    public List<DatedHour> datedHours(Instant now, int weeks) {
        Map<String, Integer> capacity = new HashMap<>();
        for (ResourceView r : resources.get()) {
            capacity.put(r.id(), r.spec().capacity());
        }
        List<DatedHour> rows = new ArrayList<>();
        for (Zone zoneView : heatmap.zones()) {
            String resourceId = zoneView.resourceId();
            ZoneId zone = zoneView.zoneId();
            LocalDate today = now.atZone(zone).toLocalDate();
            LocalDate first = today.minusWeeks(weeks);
            LocalDate readFrom = first.minusWeeks(LOOKBACK_WEEKS);
            double[][] utilization = utilization(resourceId, zone, zoneView.registeredAt(), readFrom, today);
            for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
                int d = (int) ChronoUnit.DAYS.between(readFrom, day);
                double resourceLately = mean(utilization, d - 7 * LOOKBACK_WEEKS, d, -1);
                for (int hour = 0; hour < 24; hour++) {
                    double u = utilization[d][hour];
                    if (Double.isNaN(u)) {
                        continue; // not bookable then (before registration, blacked out)
                    }
                    double sameHour = mean(utilization, d - 7 * LOOKBACK_WEEKS, d, hour, 7);
                    rows.add(new DatedHour(resourceId, day, new PastHour(new HourFacts(day.getDayOfWeek().getValue(),
                            hour, capacity.getOrDefault(resourceId, 1), sameHour, resourceLately), u >= 0.5)));
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
        if (days > 0) {
            for (HourTotals hour : heatmap.hours(resourceId, readFrom, until.minusDays(1))) {
                int d = (int) ChronoUnit.DAYS.between(readFrom, hour.date());
                booked[d][hour.hour()] += hour.bookedMinutes();
                blocked[d][hour.hour()] += hour.blockedMinutes();
            }
        }
        double[][] out = new double[days][24];
        for (int d = 0; d < days; d++) {
            for (int h = 0; h < 24; h++) {
                ZonedDateTime start = LocalDateTime.of(readFrom.plusDays(d), LocalTime.of(h, 0)).atZone(zone);
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
}
