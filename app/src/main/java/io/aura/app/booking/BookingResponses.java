package io.aura.app.booking;

import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.schedule.Conflict;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contract's shapes for bookings (API.md): flat conflicts, the booking view, the 409 problem. */
final class BookingResponses {
    private BookingResponses() {}

    /** {@code start}/{@code end}: what is in the way; {@code occurrenceStart}: which requested occurrence it blocks. */
    record ConflictBody(Instant start, Instant end, String source, String bookingId, Instant occurrenceStart) {
        static List<ConflictBody> of(List<Conflict> conflicts) {
            return conflicts.stream().map(c -> new ConflictBody(c.range().start(), c.range().end(), c.source().name(),
                    c.bookingId(), c.occurrence() == null ? null : c.occurrence().start())).toList();
        }
    }

    static Map<String, Object> view(BookingView v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bookingId", v.bookingId());
        body.put("title", v.title());
        body.put("resourceId", v.resourceId());
        body.put("start", v.start());
        body.put("end", v.end());
        body.put("status", v.status().name());
        body.put("requester", v.requester());
        body.put("attendees", v.attendees());
        if (!v.attendeeNames().isEmpty()) body.put("attendeeNames", v.attendeeNames());
        if (v.description() != null) body.put("description", v.description());
        if (v.recurrence() != null) body.put("recurrence", v.recurrence());
        if (v.occurrences().size() > 1 || v.recurrence() != null) body.put("occurrences", v.occurrences());
        if (!v.conflicts().isEmpty()) body.put("conflicts", ConflictBody.of(v.conflicts()));
        if (!v.violations().isEmpty()) body.put("violations", v.violations());
        if (!v.suggestions().isEmpty()) body.put("suggestions", v.suggestions());
        if (v.lastReschedule() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("status", v.lastReschedule().status());
            r.put("start", v.lastReschedule().start());
            r.put("end", v.lastReschedule().end());
            if (!v.lastReschedule().conflicts().isEmpty()) {
                r.put("conflicts", ConflictBody.of(v.lastReschedule().conflicts()));
            }
            body.put("lastReschedule", r);
        }
        return body;
    }

    /** API.md's {@code approval} member of the booking view: the booking's latest approval. */
    static Map<String, Object> approval(ApprovalView a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approvalId", a.approvalId());
        body.put("status", a.status());
        body.put("approvers", a.approvers());
        if (a.approverRole() != null) body.put("approverRole", a.approverRole());
        body.put("level", a.level());
        if (a.expiresAt() != null) body.put("expiresAt", a.expiresAt());
        if (a.decidedBy() != null) body.put("decidedBy", a.decidedBy());
        if (a.rescheduleTo() != null) body.put("rescheduleTo", a.rescheduleTo());
        return body;
    }

    /**
     * The 409 for a refused request. API.md asks for {@code status: "REJECTED"} in this body, so
     * the booking's status takes the {@code status} member (RFC 9457 would put 409 there; the HTTP
     * status line carries it).
     */
    static Map<String, Object> refused(String title, String detail, String bookingId, String status,
                                       List<Conflict> conflicts, List<String> violations,
                                       List<Suggestion> suggestions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create("about:blank"));
        body.put("title", title);
        body.put("detail", detail);
        body.put("bookingId", bookingId);
        body.put("status", status);
        body.put("conflicts", ConflictBody.of(conflicts));
        if (!violations.isEmpty()) body.put("violations", violations);
        body.put("suggestions", suggestions);
        return body;
    }
}
