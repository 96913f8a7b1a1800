package io.aura.gateway;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.FindHeldBookings;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.site.SiteCommands.RegisterSite;
import io.aura.kernel.site.SiteCommands.SetTravelTime;
import io.aura.kernel.site.SiteQueries.FindSite;
import io.aura.kernel.site.SiteQueries.FindTravelTimes;
import io.aura.kernel.site.SiteQueries.ListSites;
import io.aura.kernel.site.SiteQueries.SiteView;
import io.aura.kernel.site.SiteQueries.TravelTimes;
import io.aura.kernel.site.SiteRules;
import io.aura.kernel.site.TravelRules;
import io.aura.kernel.site.TravelRules.SitedDate;
import io.aura.kernel.site.TravelRules.TravelWarning;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Sites, travel times and the TRAVEL warning, for every entry point. The rule is the kernel's
 * ({@link TravelRules}); this finds what it needs: the sites of the resources, the travel times, and the person's
 * other confirmed dates around the wanted ones. Without any travel time set it reads nothing more.
 */
@Component
public class Sites {
    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);
    /** How far before a wanted date another date may start and still end near it: the longest booking kept. */
    static final Duration LONGEST_DATE = Duration.ofDays(1);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;

    public Sites(ReadYourWrites readYourWrites, QueryGateway queries) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
    }

    public SiteView register(String name, String timeZone) {
        List<FieldViolation> violations = SiteRules.violations(name, timeZone);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String siteId = UUID.randomUUID().toString();
        return readYourWrites.sendAndAwait(new RegisterSite(siteId, name, timeZone), new FindSite(siteId),
                SiteView.class, s -> true, VISIBLE_WITHIN).orElse(new SiteView(siteId, name, timeZone));
    }

    /** Sets the minutes between two sites (either way); both must exist. Answers every travel time once shown. */
    public TravelTimes setTravelTime(String fromSiteId, String toSiteId, Integer minutes) {
        List<FieldViolation> violations = new ArrayList<>(SiteRules.travelViolations(fromSiteId, toSiteId, minutes));
        for (String[] site : List.of(new String[] {"fromSiteId", fromSiteId}, new String[] {"toSiteId", toSiteId})) {
            if (site[1] != null && violations.stream().noneMatch(v -> v.field().equals(site[0])) && find(site[1]).isEmpty()) {
                violations.add(FieldViolation.of(site[0], Rule.NO_SUCH_SITE));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return readYourWrites.sendAndAwait(new SetTravelTime(fromSiteId, toSiteId, minutes), new FindTravelTimes(),
                TravelTimes.class, t -> t.minutesBetween(fromSiteId, toSiteId).orElse(-1).equals(minutes),
                VISIBLE_WITHIN).orElseGet(this::travelTimes);
    }

    public List<SiteView> list() {
        return queries.query(new ListSites(), ResponseTypes.multipleInstancesOf(SiteView.class)).join();
    }

    public Optional<SiteView> find(String siteId) {
        return queries.query(new FindSite(siteId), ResponseTypes.optionalInstanceOf(SiteView.class)).join();
    }

    public TravelTimes travelTimes() {
        return queries.query(new FindTravelTimes(), ResponseTypes.instanceOf(TravelTimes.class)).join();
    }

    /** The TRAVEL warnings for a person's booking on a resource, for each of its dates. */
    public List<TravelWarning> warnings(String person, String bookingId, String resourceId, List<TimeRange> dates) {
        if (dates.isEmpty()) {
            return List.of();
        }
        Around around = around(person, resourceId, dates);
        if (around == null) {
            return List.of();
        }
        List<TravelWarning> out = new ArrayList<>();
        for (TimeRange date : dates) {
            out.addAll(TravelRules.warnings(bookingId, around.siteId, date, around.others, around.travel));
        }
        return out;
    }

    /**
     * Which slots on a resource leave the person time to travel to and from their other dates: what suggestions
     * for that person keep. Every slot, when no travel time is set or the resource has no site.
     */
    public Predicate<TimeRange> reachableFor(String person, String resourceId, TimeRange window) {
        Around around = around(person, resourceId, List.of(window));
        return around == null ? slot -> true
                : slot -> TravelRules.reachable(around.siteId, slot, around.others, around.travel);
    }

    private record Around(String siteId, List<SitedDate> others, TravelTimes travel) {}

    /** What the rule needs around these dates; null when nothing can warn (no travel times, no site). */
    private Around around(String person, String resourceId, List<TimeRange> dates) {
        TravelTimes travel = travelTimes();
        if (travel.times().isEmpty() || person == null || resourceId == null) {
            return null;
        }
        Map<String, String> siteOfResource = new HashMap<>();
        for (ResourceView r : queries.query(new ListResources(true),
                ResponseTypes.multipleInstancesOf(ResourceView.class)).join()) {
            if (r.spec().siteId() != null) {
                siteOfResource.put(r.id(), r.spec().siteId());
            }
        }
        String siteId = siteOfResource.get(resourceId);
        if (siteId == null) {
            return null;
        }
        Map<String, String> siteNames = new HashMap<>();
        list().forEach(s -> siteNames.put(s.siteId(), s.name()));
        Duration reach = Duration.ofMinutes(travel.longest());
        TimeRange first = dates.stream().min(Comparator.comparing(TimeRange::start)).orElseThrow();
        TimeRange last = dates.stream().max(Comparator.comparing(TimeRange::end)).orElseThrow();
        List<BookingView> held = queries.query(new FindHeldBookings(first.start().minus(reach).minus(LONGEST_DATE),
                last.end().plus(reach), person), ResponseTypes.multipleInstancesOf(BookingView.class)).join();
        List<SitedDate> others = new ArrayList<>();
        for (BookingView v : held) {
            String otherSite = siteOfResource.get(v.resourceId());
            if (otherSite == null) {
                continue;
            }
            v.occurrences().stream().filter(o -> o.status() == OccurrenceStatus.CONFIRMED)
                    .forEach(o -> others.add(new SitedDate(v.bookingId(), otherSite, siteNames.get(otherSite),
                            new TimeRange(o.start(), o.end()))));
        }
        return new Around(siteId, others, travel);
    }
}
