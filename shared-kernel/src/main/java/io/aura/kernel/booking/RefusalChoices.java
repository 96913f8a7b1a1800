package io.aura.kernel.booking;

import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.ContentionEvaluation.Candidate;
import io.aura.kernel.booking.ContentionEvaluation.Choice;
import io.aura.kernel.booking.ContentionEvaluation.DatedHour;
import io.aura.kernel.booking.ContentionModel.HourFacts;
import io.aura.kernel.booking.SlotRanking.SlotFacts;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The choices people made after a refusal, read from the recorded events as a pure fold (ADR 0050):
 * a single-date request refused for conflicts, followed within {@link #WITHIN} by the same person's
 * accepted request of the same length, is a choice of that slot. What they could have chosen is
 * rebuilt as of the refusal: the whole-hour starts 08:00–18:00 of the refused local day on every
 * resource that seats them, less the holds recorded by then (cancelled and declined ones freed; a
 * release by expiry, no-show or move is not followed, so a few free slots may be missing). Each
 * candidate carries what was known of its weekday-hour the last time before the refusal's day.
 */
public final class RefusalChoices {
    static final Duration WITHIN = Duration.ofHours(1);
    static final int FIRST_HOUR = 8;
    static final int LAST_HOUR = 18;

    private RefusalChoices() {}

    /** A recorded event and when it was recorded. */
    public record Stamped(Instant at, Object payload) {}

    /** What the candidates need of a resource. */
    public record Seat(ZoneId zone, int capacity) {}

    private record Held(String resourceId, List<TimeRange> ranges) {}

    private record Refusal(Instant at, TimeRange wanted, List<Candidate> candidates) {}

    public static List<Choice> from(List<Stamped> events, Map<String, Seat> resources, List<DatedHour> hours) {
        Map<String, TreeMap<LocalDate, HourFacts>> known = new HashMap<>();
        for (DatedHour h : hours) {
            known.computeIfAbsent(key(h.resourceId(), h.hour().facts().dayOfWeek(), h.hour().facts().hour()),
                    k -> new TreeMap<>()).put(h.day(), h.hour().facts());
        }
        Map<String, BookingRequested> requests = new HashMap<>();
        Map<String, Held> held = new HashMap<>();
        Map<String, Refusal> pending = new HashMap<>();
        List<Choice> choices = new ArrayList<>();
        for (Stamped s : events) {
            switch (s.payload()) {
                case BookingRequested r -> requests.put(r.bookingId(), r);
                case BookingRejected r -> {
                    BookingRequested request = requests.get(r.bookingId());
                    if (request != null && single(request) && r.conflicts() != null && !r.conflicts().isEmpty() && request.requester() != null) {
                        pending.put(request.requester(), new Refusal(s.at(), request.range(),
                                candidates(s.at(), request, resources, held, known)));
                    }
                }
                case BookingConfirmed c -> accepted(s.at(), c.bookingId(), c.resourceId(), c.held(), requests, held,
                        pending, choices);
                case BookingAwaitingApproval a -> accepted(s.at(), a.bookingId(), a.resourceId(), a.held(), requests,
                        held, pending, choices);
                case BookingCancelled c -> held.remove(c.bookingId());
                case BookingDeclined d -> held.remove(d.bookingId());
                default -> { }
            }
        }
        return choices;
    }

    private static void accepted(Instant at, String bookingId, String resourceId, List<TimeRange> ranges,
                                 Map<String, BookingRequested> requests, Map<String, Held> held,
                                 Map<String, Refusal> pending, List<Choice> choices) {
        held.put(bookingId, new Held(resourceId, List.copyOf(ranges)));
        BookingRequested request = requests.get(bookingId);
        if (request == null || !single(request) || request.requester() == null) {
            return;
        }
        Refusal refusal = pending.remove(request.requester());
        if (refusal == null || Duration.between(refusal.at(), at).compareTo(WITHIN) > 0
                || !request.range().duration().equals(refusal.wanted().duration())) {
            return;
        }
        choices.add(new Choice(refusal.at().atZone(ZoneOffset.UTC).toLocalDate(), refusal.candidates(), resourceId,
                request.range().start()));
    }

    private static boolean single(BookingRequested request) {
        return request.occurrences() == null || request.occurrences().size() <= 1;
    }

    private static List<Candidate> candidates(Instant at, BookingRequested request, Map<String, Seat> resources,
                                              Map<String, Held> held, Map<String, TreeMap<LocalDate, HourFacts>> known) {
        Seat refusedSeat = resources.get(request.resourceId());
        if (refusedSeat == null) {
            return List.of();
        }
        TimeRange wanted = request.range();
        LocalDate day = wanted.start().atZone(refusedSeat.zone()).toLocalDate();
        LocalDate decided = at.atZone(ZoneOffset.UTC).toLocalDate();
        TimeRange window = new TimeRange(day.atTime(FIRST_HOUR, 0).atZone(refusedSeat.zone()).toInstant(),
                day.atTime(LAST_HOUR, 0).atZone(refusedSeat.zone()).toInstant());
        Map<String, List<TimeRange>> busy = new HashMap<>();
        held.values().forEach(h -> busy.computeIfAbsent(h.resourceId(), r -> new ArrayList<>()).addAll(h.ranges()));
        List<Candidate> out = new ArrayList<>();
        resources.forEach((resourceId, seat) -> {
            if (seat.capacity() < request.attendees()) {
                return;
            }
            for (int hour = FIRST_HOUR; hour < LAST_HOUR; hour++) {
                ZonedDateTime start = day.atTime(hour, 0).atZone(seat.zone());
                TimeRange slot = new TimeRange(start.toInstant(), start.toInstant().plus(wanted.duration()));
                if (slot.end().isAfter(day.atTime(LAST_HOUR, 0).atZone(seat.zone()).toInstant())
                        || busy.getOrDefault(resourceId, List.of()).stream().anyMatch(slot::overlaps)) {
                    continue;
                }
                int weekday = start.getDayOfWeek().getValue();
                TreeMap<LocalDate, HourFacts> history = known.get(key(resourceId, weekday, hour));
                var before = history == null ? null : history.lowerEntry(day.isBefore(decided) ? day : decided);
                HourFacts facts = before == null ? new HourFacts(weekday, hour, seat.capacity(), 0, 0) : before.getValue();
                out.add(new Candidate(new SlotFacts(resourceId, slot, window, seat.zone(), seat.capacity(),
                        request.attendees(), before == null ? null : facts.sameHourLately(), wanted.start()), facts));
            }
        });
        return out;
    }

    private static String key(String resourceId, int dayOfWeek, int hour) {
        return resourceId + "|" + dayOfWeek + "|" + hour;
    }
}
