package io.aura.app.api.booking;

import io.aura.app.api.SlotBody;
import io.aura.app.api.TimeInput;
import io.aura.gateway.Sites;
import io.aura.kernel.booking.BookingQueries.FindFreeSlots;
import io.aura.kernel.booking.RankingSignals;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Suggestions": free slots, best first, on one resource or any that seats everyone. */
@RestController
@Tag(name = "Bookings")
public class SuggestionsController {
    static final int DEFAULT_DURATION_MINUTES = 60;
    static final int DEFAULT_COUNT = 5;
    static final int MAX_COUNT = 50;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    static final Duration MAX_WINDOW = Duration.ofDays(31);

    private final QueryGateway queries;
    private final Clock clock;
    private final Sites sites;

    public SuggestionsController(QueryGateway queries, Clock clock, Sites sites) {
        this.queries = queries;
        this.clock = clock;
        this.sites = sites;
    }

    @Operation(summary = "Free slots of a length in a window (default: the next 7 days), best first, with the reasons "
            + "for each score; without resourceId, on any resource that seats the attendees. Ranked by the same "
            + "ranker as the alternatives of a 409, with what the history teaches (approvals, bookings released "
            + "unused, contention) for the caller's group; near: rank by closeness to this start instead of "
            + "earliness, as the alternatives to a refused request are. A proposal read from the views: the "
            + "schedule decides when the booking is requested. Each slot's reasons in English (reasons) and as "
            + "values (reasonCodes: {code, args}, ADR 0054)")
    @GetMapping("/api/suggestions")
    @PreAuthorize("isAuthenticated()")
    public List<SlotBody> suggestions(@RequestParam(required = false) String resourceId,
                                        @RequestParam(required = false) String durationMinutes,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String count,
                                        @RequestParam(required = false) String attendees,
                                        @RequestParam(required = false) String near,
                                        Authentication caller) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant now = clock.instant();
        int minutes = positive("durationMinutes", durationMinutes, DEFAULT_DURATION_MINUTES, 24 * 60, violations);
        int wanted = positive("count", count, DEFAULT_COUNT, MAX_COUNT, violations);
        int people = positive("attendees", attendees, 1, 100_000, violations);
        Instant[] window = TimeInput.window(from, to, now, DEFAULT_WINDOW, false, violations);
        Instant nearTo = near == null || near.isBlank() ? null : TimeInput.parse("near", near, violations);
        if (window[0] != null && window[1] != null && window[1].isAfter(window[0])
                && Duration.between(window[0], window[1]).compareTo(MAX_WINDOW) > 0) {
            violations.add(new FieldViolation("to", "the window may span at most 31 days"));
        }
        if (resourceId != null && !resourceId.isBlank()) {
            Optional<ResourceView> resource = queries.query(new FindResource(resourceId),
                    ResponseTypes.optionalInstanceOf(ResourceView.class)).join();
            if (resource.isEmpty()) {
                violations.add(new FieldViolation("resourceId", "no such resource"));
            } else if (violations.isEmpty() && people > resource.get().spec().capacity()) {
                violations.add(new FieldViolation("attendees", people + " attendees exceed this resource's capacity of "
                        + resource.get().spec().capacity()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        // slots in the past are not on offer: the window starts now at the earliest
        Instant start = window[0].isBefore(now) ? now : window[0];
        if (!window[1].isAfter(start)) {
            return List.of();
        }
        // slots the caller could not reach in time from their other bookings elsewhere are left out (TRAVEL);
        // when some were, more are asked for, so that what is left still fills the count
        String only = resourceId == null || resourceId.isBlank() ? null : resourceId;
        TimeRange searched = new TimeRange(start, window[1]);
        Map<String, Predicate<TimeRange>> reachable = new HashMap<>();
        Predicate<RankedSlot> inTime = slot -> reachable.computeIfAbsent(slot.resourceId(),
                r -> sites.reachableFor(caller.getName(), r, searched)).test(new TimeRange(slot.start(), slot.end()));
        String group = RankingSignals.groupOf(caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .toList());
        List<RankedSlot> ranked = freeSlots(only, minutes, start, window[1], wanted, people, nearTo, now, group);
        List<RankedSlot> kept = ranked.stream().filter(inTime).toList();
        if (kept.size() < ranked.size()) {
            kept = freeSlots(only, minutes, start, window[1], wanted * 3, people, nearTo, now, group).stream()
                    .filter(inTime).limit(wanted).toList();
        }
        return kept.stream().map(SlotBody::of).toList();
    }

    private List<RankedSlot> freeSlots(String resourceId, int minutes, Instant from, Instant to, int count, int people,
                                       Instant near, Instant now, String group) {
        return queries.query(new FindFreeSlots(resourceId, minutes, from, to, count, people, near, null, now,
                List.of(), group), ResponseTypes.multipleInstancesOf(RankedSlot.class)).join();
    }

    private static int positive(String field, String value, int fallback, int max, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 1 || parsed > max) {
                violations.add(new FieldViolation(field, "must be between 1 and " + max));
            }
            return parsed;
        } catch (NumberFormatException e) {
            violations.add(new FieldViolation(field, "must be a whole number"));
            return fallback;
        }
    }
}
