package io.aura.app.api.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aura.app.api.SlotBody;
import io.aura.app.api.SlotBody.PerDate;
import io.aura.gateway.SeriesAlternatives.OccurrenceSuggestions;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingQueries.RescheduleOutcome;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.RescheduleStatus;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.site.TravelRules.TravelWarning;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The contract's shapes for bookings (API.md "Events"); a member that is null is left out. */
public final class BookingAnswers {
    private BookingAnswers() {}

    /** {@code start}/{@code end}: what is in the way; {@code occurrenceStart}: which requested occurrence it blocks. */
    public record ConflictBody(Instant start, Instant end, String source, String bookingId, Instant occurrenceStart) {
        static List<ConflictBody> of(List<Conflict> conflicts) {
            return conflicts.stream().map(c -> new ConflictBody(c.range().start(), c.range().end(), c.source().name(),
                    c.bookingId(), c.occurrence() == null ? null : c.occurrence().start())).toList();
        }
    }

    /**
     * The answer to a request the schedule decided (201) or has not yet (202): a series also names its
     * dates and what made it skip some.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decided(String bookingId, BookingStatus status, List<Occurrence> occurrences,
                          List<ConflictBody> conflicts, List<PerDate> occurrenceSuggestions,
                          List<TravelWarning> warnings) {
        /**
         * {@code perDate}: free slots for each date the series skipped (empty when it skipped none);
         * {@code warnings}: what the booking holds but should know (TRAVEL), left out when none.
         */
        static Decided of(BookingView v, List<OccurrenceSuggestions> perDate, List<TravelWarning> warnings) {
            boolean series = v.occurrences().size() > 1 || v.recurrence() != null;
            return new Decided(v.bookingId(), v.status(), series ? v.occurrences() : null,
                    series && !v.conflicts().isEmpty() ? ConflictBody.of(v.conflicts()) : null,
                    perDate.isEmpty() ? null : PerDate.of(perDate), warnings.isEmpty() ? null : warnings);
        }

        static Decided undecided(String bookingId) {
            return new Decided(bookingId, BookingStatus.REQUESTED, null, null, null, null);
        }
    }

    /**
     * The 409 problem for a refused request or move. API.md asks for {@code status: "REJECTED"} in this
     * body, so the booking's status takes the {@code status} member (RFC 9457 would put 409 there; the
     * HTTP status line carries it); a refused move names the status its booking keeps in {@code bookingStatus}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Refused(URI type, String title, String detail, String bookingId, BookingStatus status,
                          List<ConflictBody> conflicts, List<String> violations, List<SlotBody> suggestions,
                          List<PerDate> occurrenceSuggestions, BookingStatus bookingStatus) {
        static Refused of(String detail, String bookingId, List<Conflict> conflicts, List<String> violations,
                          List<Suggestion> suggestions, BookingStatus bookingStatus) {
            return of(detail, bookingId, conflicts, violations, suggestions, List.of(), bookingStatus);
        }

        /** {@code perDate}: a refused series' free slots per date it could not hold (API.md v1.1). */
        static Refused of(String detail, String bookingId, List<Conflict> conflicts, List<String> violations,
                          List<Suggestion> suggestions, List<OccurrenceSuggestions> perDate,
                          BookingStatus bookingStatus) {
            return new Refused(URI.create("about:blank"), "Slot not available", detail, bookingId,
                    BookingStatus.REJECTED, ConflictBody.of(conflicts), violations.isEmpty() ? null : violations,
                    SlotBody.of(suggestions), perDate.isEmpty() ? null : PerDate.of(perDate), bookingStatus);
        }
    }

    /** A booking as {@code GET /events/status} shows it, with its latest approval and, when confirmed, its proof. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(String bookingId, String title, String resourceId, Instant start, Instant end,
                          BookingStatus status, String requester, int attendees, List<String> attendeeNames,
                          String description, String recurrence, List<Occurrence> occurrences,
                          List<ConflictBody> conflicts, List<String> violations, List<SlotBody> suggestions,
                          LastReschedule lastReschedule, ApprovalSummary approval, String token, String bookingToken,
                          Instant checkInDueAt, Instant checkedInAt, String category,
                          @JsonProperty("private") boolean privateBooking, String externalEventId) {
        /**
         * {@code token}: the signed proof; {@code bookingToken} is its name before API.md's was followed, kept for
         * clients of it. {@code checkInDueAt}/{@code checkedInAt} (ADR 0033): a single booking's check-in (a series
         * shows them per date in {@code occurrences}). {@code externalEventId} (ADR 0043): the booking's event in its
         * resource's Outlook calendar; a series' first date's that has one, and each date's in {@code occurrences}.
         */
        static Details of(BookingView v, ApprovalView latestApproval, String token) {
            Occurrence single = v.occurrences().size() == 1 ? v.occurrences().get(0) : null;
            return new Details(v.bookingId(), v.title(), v.resourceId(), v.start(), v.end(), v.status(), v.requester(),
                    v.attendees(), v.attendeeNames().isEmpty() ? null : v.attendeeNames(), v.description(),
                    v.recurrence(), v.occurrences().size() > 1 || v.recurrence() != null ? v.occurrences() : null,
                    v.conflicts().isEmpty() ? null : ConflictBody.of(v.conflicts()),
                    v.violations().isEmpty() ? null : v.violations(),
                    v.suggestions().isEmpty() ? null : SlotBody.of(v.suggestions()), LastReschedule.of(v.lastReschedule()),
                    latestApproval == null ? null : ApprovalSummary.of(latestApproval), token, token,
                    single == null ? null : single.checkInDueAt(), single == null ? null : single.checkedInAt(),
                    v.category(), v.privateBooking(),
                    v.occurrences().stream().map(Occurrence::externalEventId).filter(java.util.Objects::nonNull)
                            .findFirst().orElse(null));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LastReschedule(RescheduleStatus status, Instant start, Instant end, List<ConflictBody> conflicts) {
        static LastReschedule of(RescheduleOutcome r) {
            return r == null ? null : new LastReschedule(r.status(), r.start(), r.end(),
                    r.conflicts().isEmpty() ? null : ConflictBody.of(r.conflicts()));
        }
    }

    /** API.md's {@code approval} member of the booking view: the booking's latest approval. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApprovalSummary(String approvalId, ApprovalStatus status, List<String> approvers, String approverRole,
                                  int level, Instant expiresAt, String decidedBy, TimeRange rescheduleTo) {
        static ApprovalSummary of(ApprovalView a) {
            return new ApprovalSummary(a.approvalId(), a.status(), a.approvers(), a.approverRole(), a.level(),
                    a.expiresAt(), a.decidedBy(), a.rescheduleTo());
        }
    }

    public record Cancelled(String bookingId, BookingStatus status) {}

    public record OccurrenceCancelled(String bookingId, BookingStatus status, Instant occurrenceStart,
                                      BookingStatus occurrenceStatus) {}

    /** A move that was made (201), waits for approval (202, {@code reschedule}), or is not decided yet (202). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Moved(String bookingId, BookingStatus status, RescheduleStatus reschedule, Instant start,
                        Instant end) {}
}
