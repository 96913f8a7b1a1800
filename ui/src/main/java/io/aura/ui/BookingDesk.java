package io.aura.ui;

import io.aura.kernel.booking.BookingCommands.CancelBooking;
import io.aura.kernel.booking.BookingCommands.CancelOccurrence;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingCommands.RequestReschedule;
import io.aura.kernel.schedule.Recurrence;
import java.time.ZoneId;
import io.aura.kernel.booking.BookingProofs;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsOfBooking;
import io.aura.kernel.booking.BookingQueries.FindAlternatives;
import io.aura.kernel.booking.BookingQueries.FindBookingsOf;
import io.aura.kernel.booking.BookingQueries.FindFreeSlots;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingQueries.FindHeatmap;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.booking.BookingQueries.HeatmapChanged;
import io.aura.kernel.booking.BookingQueries.WatchHeatmap;
import org.springframework.beans.factory.ObjectProvider;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.RescheduleOutcome;
import io.aura.kernel.booking.BookingQueries.CalendarChange;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingQueries.WatchCalendar;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import io.aura.kernel.schedule.ScheduleQueries.FindClosedTimes;
import io.aura.kernel.schedule.ScheduleRules;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Reasons;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What the calendar and the request form need, through the same commands and queries as the HTTP
 * API: the calendar of a window, a booking request answered once the conflict check decided, and a
 * live stream of calendar changes in bursts of at most four a second.
 */
@Service
public class BookingDesk {
    static final Duration DECISION_TIMEOUT = Duration.ofSeconds(10);
    static final Duration BURST = Duration.ofMillis(250);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final ObjectProvider<BookingProofs> proofs;

    public BookingDesk(CommandGateway commands, QueryGateway queries, Clock clock, ObjectProvider<BookingProofs> proofs) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.proofs = proofs;
    }

    /**
     * A booking's whole view — who asked, for how many, what it conflicted with — for its requester, an
     * APPROVER, an ADMIN or an AUDITOR (as {@code GET /events/status}); anyone else is refused.
     */
    public Optional<BookingView> booking(String bookingId) {
        Optional<BookingView> found = find(bookingId);
        found.ifPresent(b -> {
            if (!maySee(b)) {
                throw new AccessDeniedException("Only its requester, an APPROVER, an ADMIN or an AUDITOR sees a booking");
            }
        });
        return found;
    }

    /**
     * The approvals a booking went through (levels, who decided, their comments), oldest first; for
     * whoever may see the booking (as {@link #booking}).
     */
    public List<ApprovalView> approvalsOf(String bookingId) {
        booking(bookingId); // refuses whoever may not see it
        return queries.query(new FindApprovalsOfBooking(bookingId), ResponseTypes.multipleInstancesOf(ApprovalView.class))
                .join();
    }

    /** As {@link #booking}, but empty (not refused) for someone who may not see it: the calendar shows its entry then. */
    public Optional<BookingView> bookingIfAllowed(String bookingId) {
        return find(bookingId).filter(this::maySee);
    }

    private boolean maySee(BookingView b) {
        return b.requester().equals(SignedIn.name()) || SignedIn.roles().stream()
                .anyMatch(r -> r.equals("APPROVER") || r.equals("ADMIN") || r.equals("AUDITOR"));
    }

    private Optional<BookingView> find(String bookingId) {
        return queries.query(new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingView.class)).join();
    }

    /**
     * Moves a single booking; answers once the schedule decided (MOVED, REFUSED, or PENDING_APPROVAL
     * where the move needs approval), or empty if that was not visible in time.
     */
    public Optional<RescheduleOutcome> reschedule(String bookingId, Instant start, Instant end) {
        String by = SignedIn.name(); // the aggregate lets its requester or an ADMIN move it
        boolean byAdmin = SignedIn.has("ADMIN");
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidInputException(List.of(new FieldViolation("end", "must be after start")));
        }
        TimeRange to = new TimeRange(start, end);
        // the resource's rules first, as the API checks them: a move that breaks one is refused naming it
        Optional<BookingView> before = find(bookingId);
        Optional<ResourceView> resource = before.flatMap(b -> queries.query(new FindResource(b.resourceId()),
                ResponseTypes.optionalInstanceOf(ResourceView.class)).join());
        if (before.isPresent() && resource.isPresent()) {
            List<FieldViolation> broken = ScheduleRules.check(resource.get().spec(), to, before.get().attendees(),
                    clock.instant());
            if (!broken.isEmpty()) {
                throw new InvalidInputException(broken);
            }
        }
        return sendAndAwait(new RequestReschedule(bookingId, to, by, byAdmin), bookingId,
                v -> v.lastReschedule() != null && v.lastReschedule().start().equals(start)
                        && !"PENDING".equals(v.lastReschedule().status()))
                .map(BookingView::lastReschedule);
    }

    /**
     * Sends a command about a booking and answers its view once it shows {@code done} (read your writes,
     * as the HTTP API), or empty when that was not visible in time (the change still comes).
     */
    private Optional<BookingView> sendAndAwait(Object command, String bookingId, Predicate<BookingView> done) {
        SubscriptionQueryResult<Optional<BookingView>, BookingView> view = queries.subscriptionQuery(
                new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingView.class),
                ResponseTypes.instanceOf(BookingView.class));
        try {
            commands.sendAndWait(command);
            return Optional.ofNullable(view.updates().filter(done).next().timeout(DECISION_TIMEOUT, Mono.empty()).block());
        } finally {
            view.cancel();
        }
    }

    public List<BookingView> mine() {
        return queries.query(new FindBookingsOf(SignedIn.name(), 200), ResponseTypes.multipleInstancesOf(BookingView.class))
                .join();
    }

    /**
     * The owner or an ADMIN cancels; the booking aggregate checks who may. Answers once the booking's
     * view shows it (read-your-writes, like the HTTP API), so a list reloaded next shows it cancelled.
     */
    public void cancel(String bookingId, String reason) {
        Reasons.requireBounded(reason); // before sending: the field is marked however the command travels
        String by = SignedIn.name();
        boolean byAdmin = SignedIn.has("ADMIN");
        sendAndAwait(new CancelBooking(bookingId, reason == null || reason.isBlank() ? null : reason.trim(), by, byAdmin),
                bookingId, v -> v.status() == BookingStatus.CANCELLED);
    }

    /** One date of a series; the others stay. The owner or an ADMIN (the booking aggregate checks). */
    public void cancelOccurrence(String bookingId, Instant occurrenceStart) {
        String by = SignedIn.name();
        boolean byAdmin = SignedIn.has("ADMIN");
        BookingView booking = find(bookingId).orElseThrow(() -> new InvalidInputException(
                List.of(new FieldViolation("bookingId", "no such booking"))));
        if (!byAdmin && !booking.requester().equals(by)) {
            // refused before its dates are looked at: a stranger learns nothing about them
            throw new AccessDeniedException("Only its requester or an ADMIN may cancel a booking's date");
        }
        var occurrence = booking.occurrences().stream().filter(o -> o.start().equals(occurrenceStart)).findFirst()
                .orElseThrow(() -> new InvalidInputException(List.of(new FieldViolation("occurrenceStart",
                        "this booking has no occurrence starting then"))));
        sendAndAwait(new CancelOccurrence(bookingId, new TimeRange(occurrence.start(), occurrence.end()), by, byAdmin),
                bookingId, v -> v.occurrences().stream().anyMatch(o -> o.start().equals(occurrenceStart)
                        && o.status().equals(BookingStatus.CANCELLED.name())));
    }

    /** Whether {@link #proof} has one to give: the booking is confirmed and this server signs proofs. */
    public boolean hasProof(BookingView booking) {
        return booking.status() == BookingStatus.CONFIRMED && proofs.getIfAvailable() != null;
    }

    /**
     * The signed proof of a confirmed booking, verifiable with the server's public keys; signed when
     * asked (not for every row drawn), for its requester, an APPROVER, an ADMIN or an AUDITOR (as the API).
     */
    public Optional<String> proof(String bookingId) {
        BookingProofs signer = proofs.getIfAvailable();
        Optional<BookingView> booking = booking(bookingId);
        if (signer == null || booking.isEmpty() || booking.get().status() != BookingStatus.CONFIRMED) {
            return Optional.empty();
        }
        BookingView b = booking.get();
        if (!b.requester().equals(SignedIn.name())) {
            SignedIn.requireAnyRole("APPROVER", "ADMIN", "AUDITOR");
        }
        return Optional.of(signer.sign(b.bookingId(), b.resourceId(), b.start(), b.end()));
    }

    public List<HeatmapCell> heatmap(Instant from, Instant to, String resourceId) {
        return queries.query(new FindHeatmap(from, to, resourceId), ResponseTypes.multipleInstancesOf(HeatmapCell.class))
                .join();
    }

    /** Heatmap changes, in bursts of at most four a second; cancel the result to stop. */
    public SubscriptionQueryResult<List<HeatmapChanged>, HeatmapChanged> watchHeatmap(
            String resourceId, Consumer<List<HeatmapChanged>> onBurst) {
        return inBursts(queries.subscriptionQuery(new WatchHeatmap(resourceId),
                ResponseTypes.multipleInstancesOf(HeatmapChanged.class), ResponseTypes.instanceOf(HeatmapChanged.class)),
                onBurst);
    }

    public List<CalendarEntry> calendar(Instant from, Instant to, String resourceId) {
        return queries.query(new FindCalendar(from, to, resourceId), ResponseTypes.multipleInstancesOf(CalendarEntry.class))
                .join();
    }

    /** {@code recurrence}: an optional RRULE; conflicting occurrences are skipped rather than refusing the series. */
    /** {@code allDatesOrNone}: a series is booked only if every date is free (else the free ones are, the rest skipped). */
    public record Request(String resourceId, String title, int attendees, Instant start, Instant end, String recurrence,
                          boolean allDatesOrNone) {
        public Request(String resourceId, String title, int attendees, Instant start, Instant end, String recurrence) {
            this(resourceId, title, attendees, start, end, recurrence, false);
        }

        public Request(String resourceId, String title, int attendees, Instant start, Instant end) {
            this(resourceId, title, attendees, start, end, null, false);
        }
    }

    /** {@code status} REQUESTED means the decision was not visible in time (it will still come). */
    /** For a series: how many occurrences were booked and how many skipped (taken by something else). */
    public record Outcome(String bookingId, BookingStatus status, List<String> problems, int booked, int skipped) {}

    /**
     * @throws InvalidInputException naming each field that is wrong; nothing is sent then
     * @throws AccessDeniedException unless the signed-in user is a REQUESTER or an ADMIN (as the API)
     */
    public Outcome request(Request r) {
        SignedIn.requireAnyRole("REQUESTER", "ADMIN");
        String requester = SignedIn.name();
        List<FieldViolation> violations = new ArrayList<>();
        if (r.title() == null || r.title().isBlank()) {
            violations.add(new FieldViolation("title", "is required"));
        }
        Optional<ResourceView> resource = r.resourceId() == null ? Optional.empty()
                : queries.query(new FindResource(r.resourceId()), ResponseTypes.optionalInstanceOf(ResourceView.class)).join();
        if (resource.isEmpty()) {
            violations.add(new FieldViolation("resourceId", "choose a resource"));
        }
        if (r.start() == null || r.end() == null) {
            violations.add(new FieldViolation("start", "start and end are required"));
        } else if (!r.end().isAfter(r.start())) {
            violations.add(new FieldViolation("end", "must be after start"));
        } else if (resource.isPresent()) {
            violations.addAll(ScheduleRules.check(resource.get().spec(), new TimeRange(r.start(), r.end()),
                    r.attendees(), clock.instant()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        TimeRange range = new TimeRange(r.start(), r.end());
        List<TimeRange> occurrences = List.of(range);
        String rrule = r.recurrence() == null || r.recurrence().isBlank() ? null : r.recurrence().trim();
        if (rrule != null) {
            var expansion = Recurrence.expand(rrule, range, ZoneId.of(resource.get().spec().timeZone()));
            if (!expansion.violations().isEmpty()) {
                throw new InvalidInputException(expansion.violations());
            }
            occurrences = expansion.occurrences();
            // every occurrence meets the rules, as the API checks them (a series past the booking window is refused)
            List<FieldViolation> late = new ArrayList<>();
            for (TimeRange occurrence : occurrences) {
                for (FieldViolation v : ScheduleRules.check(resource.get().spec(), occurrence, r.attendees(),
                        clock.instant())) {
                    if (!late.contains(v)) {
                        late.add(v);
                    }
                }
            }
            if (!late.isEmpty()) {
                throw new InvalidInputException(late);
            }
        }
        String bookingId = UUID.randomUUID().toString();
        SubscriptionQueryResult<Optional<BookingView>, BookingView> view = queries.subscriptionQuery(
                new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingView.class),
                ResponseTypes.instanceOf(BookingView.class));
        try {
            commands.sendAndWait(new RequestBooking(bookingId, r.resourceId(), r.title().trim(), range, occurrences,
                    rrule, rrule == null || r.allDatesOrNone() ? ConflictPolicy.ALL_OR_NOTHING : ConflictPolicy.SKIP_CONFLICTS,
                    Math.max(r.attendees(), 1), List.of(), null, requester));
            BookingView decided = view.initialResult().flatMap(Mono::justOrEmpty).concatWith(view.updates())
                    .filter(v -> v.status() != BookingStatus.REQUESTED).next()
                    .timeout(DECISION_TIMEOUT, Mono.empty()).block();
            if (decided == null) {
                return new Outcome(bookingId, BookingStatus.REQUESTED, List.of(), 0, 0);
            }
            ZoneId zone = UserZone.current();
            List<String> problems = new ArrayList<>(decided.violations());
            decided.conflicts().forEach(c -> problems.add("overlaps " + c.source().name().toLowerCase() + " "
                    + UserZone.span(c.range().start(), c.range().end(), zone)));
            decided.suggestions().forEach(s -> problems.add("free instead: " + UserZone.span(s.start(), s.end(), zone)));
            int skipped = (int) decided.occurrences().stream().filter(o -> "SKIPPED".equals(o.status())).count();
            int booked = (int) decided.occurrences().stream().filter(o -> BookingStatus.isActive(o.status())).count();
            return new Outcome(bookingId, decided.status(), problems, booked, skipped);
        } finally {
            view.cancel();
        }
    }

    /** What the form shows while the user edits: what is wrong or taken, and free slots to take instead. */
    public record Check(List<String> problems, List<Suggestion> suggestions) {
        static final Check NOTHING = new Check(List.of(), List.of());
    }

    /**
     * A preview read from the views (the schedule still decides on submit): rule violations, overlaps
     * with active bookings (buffer included), and when taken, the nearest free slots on the same
     * resource and the same time on other resources large enough.
     */
    public Check check(Request r) {
        if (r.resourceId() == null || r.start() == null || r.end() == null || !r.end().isAfter(r.start())) {
            return Check.NOTHING;
        }
        Optional<ResourceView> resource = queries.query(new FindResource(r.resourceId()),
                ResponseTypes.optionalInstanceOf(ResourceView.class)).join();
        if (resource.isEmpty()) {
            return Check.NOTHING;
        }
        TimeRange wanted = new TimeRange(r.start(), r.end());
        Duration buffer = Duration.ofMinutes(resource.get().spec().bufferMinutes());
        List<String> problems = new ArrayList<>();
        ScheduleRules.check(resource.get().spec(), wanted, Math.max(r.attendees(), 1), clock.instant())
                .forEach(v -> problems.add(v.field() + ": " + v.message()));
        TimeRange around = new TimeRange(wanted.start().minus(Duration.ofDays(3)), wanted.end().plus(Duration.ofDays(3)));
        List<TimeRange> taken = calendar(around.start(), around.end(), r.resourceId()).stream()
                .map(e -> new TimeRange(e.start(), e.end())).toList();
        taken.stream().filter(t -> t.overlaps(wanted.widenedBy(buffer)))
                .forEach(t -> problems.add("taken " + UserZone.span(t.start(), t.end(), UserZone.current())));
        // blackouts and Outlook meetings refuse a request as bookings do (the schedule checks all three)
        closedTimes(wanted.start().minus(buffer), wanted.end().plus(buffer), r.resourceId()).stream()
                .filter(c -> new TimeRange(c.start(), c.end()).overlaps(wanted.widenedBy(buffer)))
                .forEach(c -> problems.add(holding(c.source())
                        + (c.reason() == null || c.reason().isBlank() ? "" : " (" + c.reason() + ")") + " "
                        + UserZone.span(c.start(), c.end(), UserZone.current())));
        if (problems.isEmpty()) {
            return Check.NOTHING;
        }
        // the same search as GET /api/suggestions, near the wanted start: free of bookings, blackouts and
        // Outlook busy times, within the resource's rules
        Instant now = clock.instant();
        Instant from = around.start().isBefore(now) ? now : around.start();
        List<Suggestion> suggestions = new ArrayList<>();
        if (around.end().isAfter(from)) {
            queries.query(new FindFreeSlots(r.resourceId(), (int) Math.max(1, wanted.duration().toMinutes()), from,
                            around.end(), 3, Math.max(r.attendees(), 1), wanted.start(), null, now),
                            ResponseTypes.multipleInstancesOf(RankedSlot.class)).join()
                    .forEach(s -> suggestions.add(new Suggestion(s.resourceId(), s.start(), s.end(), s.score())));
        }
        suggestions.addAll(queries.query(new FindAlternatives(r.resourceId(), r.start(), r.end(),
                Math.max(r.attendees(), 1), 3), ResponseTypes.multipleInstancesOf(Suggestion.class)).join());
        return new Check(problems, suggestions);
    }

    /** What holds a slot, as the form and the details say it. */
    static String holding(Conflict.Source source) {
        return switch (source) {
            case BOOKING -> "taken";
            case BLACKOUT -> "closed";
            case EXTERNAL -> "busy in Outlook";
        };
    }

    /** Blackouts and Outlook busy times overlapping the window, of one resource (or all: null). */
    public List<ClosedTime> closedTimes(Instant from, Instant to, String resourceId) {
        List<ClosedTime> closed = queries.query(new FindClosedTimes(resourceId, from, to),
                ResponseTypes.multipleInstancesOf(ClosedTime.class)).join();
        if (SignedIn.has("ADMIN")) {
            return closed;
        }
        // a blackout's reason is an administrator's note (the API tells others only when, not why)
        return closed.stream().map(c -> new ClosedTime(c.resourceId(), c.start(), c.end(), c.source(), null)).toList();
    }

    /** Calendar changes of one resource (or all), delivered in bursts; cancel the result to stop. */
    public SubscriptionQueryResult<List<CalendarChange>, CalendarChange> watch(String resourceId,
                                                                             Consumer<List<CalendarChange>> onBurst) {
        return inBursts(queries.subscriptionQuery(new WatchCalendar(resourceId),
                ResponseTypes.multipleInstancesOf(CalendarChange.class), ResponseTypes.instanceOf(CalendarChange.class)),
                onBurst);
    }

    /** Hands a subscription's updates on in bursts: at most four a second, as Vaadin advises for push. */
    static <I, U> SubscriptionQueryResult<I, U> inBursts(SubscriptionQueryResult<I, U> subscription,
                                                        Consumer<List<U>> onBurst) {
        subscription.updates().bufferTimeout(100, BURST).filter(b -> !b.isEmpty()).subscribe(onBurst);
        return subscription;
    }
}
