package io.aura.ui.booking;

import io.aura.gateway.Caller;
import io.aura.gateway.CallerGroup;
import io.aura.gateway.PrivateBookings;
import io.aura.gateway.ReadYourWrites;
import io.aura.gateway.SeriesAlternatives;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsOfBooking;
import io.aura.kernel.booking.BookingCommands.CancelBooking;
import io.aura.kernel.booking.BookingCommands.CancelOccurrence;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingCommands.RequestReschedule;
import io.aura.kernel.booking.BookingProofs;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.FindAlternatives;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingQueries.FindBookingsOf;
import io.aura.kernel.booking.BookingQueries.FindFreeSlots;
import io.aura.kernel.booking.BookingQueries.RankSlots;
import io.aura.kernel.booking.BookingQueries.RescheduleOutcome;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingRequest;
import io.aura.kernel.booking.BookingRequestRules;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.BookingVisibility;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.category.Categories;
import io.aura.kernel.category.CategoryQueries.CategoryView;
import io.aura.kernel.quota.Quotas;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ScheduleRules;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Reasons;
import io.aura.ui.AuraTranslations;
import io.aura.ui.Refusals;
import io.aura.ui.SignedIn;
import io.aura.ui.UserZone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What the request form, a booking's details and "my bookings" do, through the same commands,
 * queries and kernel rules as the HTTP API: request (checked by {@code BookingRequestRules}, answered
 * once the conflict check decided), a live preview of what is in the way, move, cancel, the proof.
 * Reads of the calendar and heatmap are {@link CalendarDesk}'s. About 300 lines: each operation is
 * short, and they share who is signed in and the read-your-writes wait.
 */
@Service
public class BookingDesk {
    static final Duration DECISION_TIMEOUT = Duration.ofSeconds(10);
    private static final AuraTranslations TRANSLATIONS = new AuraTranslations();

    /** A text of the booking bundle in the UI's language (English outside a UI). */
    static String text(String key, Object... params) {
        return TRANSLATIONS.getTranslation(key, UserZone.locale(), params);
    }

    /** A field as the form names it ("start" → "Start"), or its own name where the bundle has none. */
    static String fieldName(String field) {
        String key = "booking.field." + field;
        return AuraTranslations.lookup(key, UserZone.locale()) == null ? field : text(key);
    }

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final Clock clock;
    private final ObjectProvider<BookingProofs> proofs;
    private final CalendarDesk calendars;
    private final SeriesAlternatives seriesAlternatives;
    private final Quotas quotas;
    private final Categories categories;

    public BookingDesk(ReadYourWrites readYourWrites, QueryGateway queries, Clock clock,
                       ObjectProvider<BookingProofs> proofs, CalendarDesk calendars,
                       SeriesAlternatives seriesAlternatives, Quotas quotas, Categories categories) {
        this.quotas = quotas;
        this.categories = categories;
        this.calendars = calendars;
        this.seriesAlternatives = seriesAlternatives;
        this.readYourWrites = readYourWrites;
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
                throw new AccessDeniedException(text("booking.error.may-not-see"));
            }
        });
        // an approver of another resource sees a private booking as Busy (ADR 0040)
        return found.map(PrivateBookings.seenBy(queries, Caller.current())::seen);
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
        return find(bookingId).filter(this::maySee).map(PrivateBookings.seenBy(queries, Caller.current())::seen);
    }

    private boolean maySee(BookingView b) {
        Caller caller = Caller.current();
        return BookingVisibility.maySee(b.requester(), caller.name(), caller.roles());
    }

    private Optional<BookingView> find(String bookingId) {
        return queries.query(new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingView.class)).join();
    }

    /**
     * Moves a single booking; answers once the schedule decided (MOVED, REFUSED, or PENDING_APPROVAL
     * where the move needs approval), or empty if that was not visible in time.
     */
    public Optional<RescheduleOutcome> reschedule(String bookingId, Instant start, Instant end) {
        return reschedule(bookingId, null, start, end);
    }

    /** Moves one date of a series ({@code from}; null: a single booking's slot), as {@link #reschedule}. */
    public Optional<RescheduleOutcome> reschedule(String bookingId, TimeRange from, Instant start, Instant end) {
        String by = SignedIn.name(); // the aggregate lets its requester or an ADMIN move it
        boolean byAdmin = SignedIn.has("ADMIN");
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidInputException(List.of(new FieldViolation("end", text("booking.error.end-after-start"))));
        }
        TimeRange to = new TimeRange(start, end);
        // the resource's rules first, as the API checks them: a move that breaks one is refused naming it
        Optional<BookingView> before = find(bookingId);
        Optional<ResourceView> resource = before.flatMap(b -> resource(b.resourceId()));
        if (before.isPresent() && resource.isPresent()) {
            List<FieldViolation> broken = ScheduleRules.check(resource.get().spec(), to, before.get().attendees(),
                    clock.instant());
            if (!broken.isEmpty()) {
                throw new InvalidInputException(broken);
            }
        }
        long revision = before.map(BookingView::revision).orElse(-1L);
        return readYourWrites.sendAndAwait(new RequestReschedule(bookingId, from, to, by, byAdmin), new FindBooking(bookingId),
                        BookingView.class, v -> v.revision() > revision && v.lastReschedule() != null
                                && v.lastReschedule().start().equals(start) && v.lastReschedule().status().isDecided(),
                        DECISION_TIMEOUT)
                .map(BookingView::lastReschedule);
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
        readYourWrites.sendAndAwait(new CancelBooking(bookingId, reason == null || reason.isBlank() ? null : reason.trim(),
                by, byAdmin), new FindBooking(bookingId), BookingView.class,
                v -> v.status() == BookingStatus.CANCELLED, DECISION_TIMEOUT);
    }

    /** One date of a series; the others stay. The owner or an ADMIN (the booking aggregate checks). */
    public void cancelOccurrence(String bookingId, Instant occurrenceStart) {
        String by = SignedIn.name();
        boolean byAdmin = SignedIn.has("ADMIN");
        BookingView booking = find(bookingId).orElseThrow(() -> new InvalidInputException(
                List.of(new FieldViolation("bookingId", text("booking.error.no-such-booking")))));
        if (!byAdmin && !booking.requester().equals(by)) {
            // refused before its dates are looked at: a stranger learns nothing about them
            throw new AccessDeniedException(text("booking.error.may-not-cancel-date"));
        }
        var occurrence = booking.occurrences().stream().filter(o -> o.start().equals(occurrenceStart)).findFirst()
                .orElseThrow(() -> new InvalidInputException(List.of(new FieldViolation("occurrenceStart",
                        text("booking.error.no-such-date")))));
        readYourWrites.sendAndAwait(new CancelOccurrence(bookingId, new TimeRange(occurrence.start(), occurrence.end()),
                by, byAdmin), new FindBooking(bookingId), BookingView.class,
                v -> v.occurrences().stream().anyMatch(o -> o.start().equals(occurrenceStart)
                        && o.status() == OccurrenceStatus.CANCELLED), DECISION_TIMEOUT);
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
        BookingView b = booking.get(); // booking(...) refused whoever may not see it, and so its proof
        return Optional.of(signer.sign(b.bookingId(), b.resourceId(), b.start(), b.end()));
    }

    /** {@code recurrence}: an optional RRULE; conflicting occurrences are skipped rather than refusing the series. */
    /** {@code allDatesOrNone}: a series is booked only if every date is free (else the free ones are, the rest skipped). */
    public record Request(String resourceId, String title, int attendees, Instant start, Instant end, String recurrence,
                          boolean allDatesOrNone, Boolean privateBooking, String category) {
        /** Private as the resource says, no category (ADR 0040). */
        public Request(String resourceId, String title, int attendees, Instant start, Instant end, String recurrence,
                       boolean allDatesOrNone) {
            this(resourceId, title, attendees, start, end, recurrence, allDatesOrNone, null, null);
        }

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
        // what the form could not read; every rule about the request itself is the kernel's
        List<FieldViolation> unreadable = new ArrayList<>();
        TimeRange range = null;
        if (r.start() == null || r.end() == null) {
            unreadable.add(new FieldViolation("start", text("booking.error.start-end-required")));
        } else if (!r.end().isAfter(r.start())) {
            unreadable.add(new FieldViolation("end", text("booking.error.end-after-start")));
        } else {
            range = new TimeRange(r.start(), r.end());
        }
        boolean series = r.recurrence() != null && !r.recurrence().isBlank();
        BookingRequest request = new BookingRequest(r.title() == null ? null : r.title().trim(), r.resourceId(), range,
                r.recurrence(), !series || r.allDatesOrNone() ? ConflictPolicy.ALL_OR_NOTHING : ConflictPolicy.SKIP_CONFLICTS,
                r.attendees(), List.of(), null, SignedIn.name(), r.privateBooking(), r.category());
        String bookingId = UUID.randomUUID().toString();
        // the quotas that limit the user there travel with the request: the saga may not look them up (ADR 0034)
        RequestBooking command = BookingRequestRules.prepare(bookingId, request,
                resource(r.resourceId()).map(ResourceView::spec),
                quotas.applicableTo(SignedIn.name(), Caller.current().roleNames(), r.resourceId(), r.category()),
                r.category() == null || r.category().isBlank() ? List.of() : categories.all(), clock.instant(),
                unreadable);
        BookingView decided = readYourWrites.sendAndAwait(command, new FindBooking(bookingId), BookingView.class,
                v -> v.status() != BookingStatus.REQUESTED, DECISION_TIMEOUT).orElse(null);
        if (decided == null) {
            return new Outcome(bookingId, BookingStatus.REQUESTED, List.of(), 0, 0);
        }
        ZoneId zone = UserZone.current();
        List<String> problems = new ArrayList<>(decided.refusals().isEmpty() ? decided.violations()
                : decided.refusals().stream().map(v -> Refusals.of(UserZone.locale(), v)).toList());
        decided.conflicts().forEach(c -> problems.add(text("booking.problem.overlaps-"
                + c.source().name().toLowerCase(java.util.Locale.ROOT), UserZone.span(c.range().start(), c.range().end(),
                zone))));
        decided.suggestions().forEach(s -> problems.add(text("booking.problem.free-instead",
                UserZone.span(s.start(), s.end(), zone))));
        // a series: each date it could not hold, with free times near that date (never on its other dates)
        seriesAlternatives.forRefusedOccurrences(decided).forEach(date -> problems.add(date.suggestions().isEmpty()
                ? text("booking.problem.date-none-free", UserZone.at(date.occurrenceStart(), zone))
                : text("booking.problem.date-free-instead", UserZone.at(date.occurrenceStart(), zone),
                        date.suggestions().stream().map(s -> UserZone.span(s.start(), s.end(), zone))
                                .collect(java.util.stream.Collectors.joining("; ")))));
        int skipped = (int) decided.occurrences().stream().filter(o -> o.status() == OccurrenceStatus.SKIPPED).count();
        int booked = (int) decided.occurrences().stream().filter(o -> o.status().isActive()).count();
        return new Outcome(bookingId, decided.status(), problems, booked, skipped);
    }

    private Optional<ResourceView> resource(String resourceId) {
        return resourceId == null || resourceId.isBlank() ? Optional.empty()
                : queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class)).join();
    }

    /**
     * What the form shows while the user edits: the resource's rules the request breaks, what holds the
     * time (in words), and free slots to take instead.
     */
    public record Check(List<FieldViolation> broken, List<String> taken, List<Suggestion> suggestions) {
        static final Check NOTHING = new Check(List.of(), List.of(), List.of());

        /** Nothing the preview knows of stands in the way (the schedule still decides on submit). */
        public boolean bookable() {
            return broken.isEmpty() && taken.isEmpty();
        }

        public List<String> problems() {
            return problemsBesides(null);
        }

        /** The problems in words, leaving out the rules of {@code field} (which the form says on that field). */
        public List<String> problemsBesides(String field) {
            List<String> out = new ArrayList<>();
            broken.stream().filter(v -> !v.field().equals(field))
                    .forEach(v -> out.add(fieldName(v.field()) + ": " + Refusals.of(UserZone.locale(), v)));
            out.addAll(taken);
            return out;
        }
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
        Optional<ResourceView> resource = resource(r.resourceId());
        if (resource.isEmpty()) {
            return Check.NOTHING;
        }
        TimeRange wanted = new TimeRange(r.start(), r.end());
        Duration buffer = Duration.ofMinutes(resource.get().spec().bufferMinutes());
        List<FieldViolation> broken = ScheduleRules.check(resource.get().spec(), wanted, Math.max(r.attendees(), 1),
                clock.instant());
        List<String> problems = new ArrayList<>();
        TimeRange around = new TimeRange(wanted.start().minus(Duration.ofDays(3)), wanted.end().plus(Duration.ofDays(3)));
        List<TimeRange> taken = calendars.calendar(around.start(), around.end(), r.resourceId()).stream()
                .map(e -> new TimeRange(e.start(), e.end())).toList();
        taken.stream().filter(t -> t.overlaps(wanted.widenedBy(buffer)))
                .forEach(t -> problems.add(holding(Conflict.Source.BOOKING) + " "
                        + UserZone.span(t.start(), t.end(), UserZone.current())));
        // blackouts and Outlook meetings refuse a request as bookings do (the schedule checks all three)
        calendars.closedTimes(wanted.start().minus(buffer), wanted.end().plus(buffer), r.resourceId()).stream()
                .filter(c -> new TimeRange(c.start(), c.end()).overlaps(wanted.widenedBy(buffer)))
                .forEach(c -> problems.add(holding(c.source())
                        + (c.reason() == null || c.reason().isBlank() ? "" : " (" + c.reason() + ")") + " "
                        + UserZone.span(c.start(), c.end(), UserZone.current())));
        // outside opening hours: the same kernel rule the schedule refuses with (source OPENING_HOURS)
        ScheduleRules.outsideOpeningHours(resource.get().spec(), wanted)
                .forEach(c -> problems.add(holding(c.source()) + " "
                        + UserZone.span(c.range().start(), c.range().end(), UserZone.current())));
        if (problems.isEmpty() && broken.isEmpty()) {
            return Check.NOTHING;
        }
        // the same search as GET /api/suggestions, near the wanted start: free of bookings, blackouts and
        // Outlook busy times, within the resource's rules
        Instant now = clock.instant();
        Instant from = around.start().isBefore(now) ? now : around.start();
        List<Suggestion> candidates = new ArrayList<>();
        String group = CallerGroup.current();
        if (around.end().isAfter(from)) {
            candidates.addAll(queries.query(new FindFreeSlots(r.resourceId(), (int) Math.max(1,
                            wanted.duration().toMinutes()), from, around.end(), 3, Math.max(r.attendees(), 1),
                            wanted.start(), null, now, List.of(), group),
                    ResponseTypes.multipleInstancesOf(RankedSlot.class)).join().stream().map(Suggestion::of).toList());
        }
        candidates.addAll(queries.query(new FindAlternatives(r.resourceId(), r.start(), r.end(),
                Math.max(r.attendees(), 1), 3), ResponseTypes.multipleInstancesOf(Suggestion.class)).join());
        // the one-click slots in the order of the one ranker (ADR 0049), as the 409's alternatives would be
        List<Suggestion> suggestions = candidates.isEmpty() || !around.end().isAfter(from) ? candidates
                : queries.query(new RankSlots(candidates, from, around.end(), Math.max(r.attendees(), 1),
                        wanted.start(), group, r.resourceId(), wanted), ResponseTypes.multipleInstancesOf(
                        RankedSlot.class)).join().stream().map(Suggestion::of).toList();
        return new Check(broken, problems, suggestions);
    }

    /** What holds a slot, as the form and the details say it. */
    static String holding(Conflict.Source source) {
        return text(switch (source) {
            case BOOKING -> "booking.holding.booking";
            case BLACKOUT -> "booking.holding.blackout";
            case EXTERNAL -> "booking.holding.external";
            case OPENING_HOURS -> "booking.holding.openingHours";
            case QUOTA -> "booking.holding.quota";
        });
    }

    /** The category list, for the form's choice and the calendar's colours (ADR 0040). */
    public List<CategoryView> categories() {
        return categories.all();
    }
}
