package io.aura.app.api.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aura.app.api.TimeInput;
import io.aura.app.audit.AsOfCalendar;
import io.aura.gateway.Caller;
import io.aura.gateway.PrivateBookings;
import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingQueries.FindHeatmap;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboards (API.md "Dashboard"): the calendar, also as it stood at a past instant, and the heatmap. */
@RestController
@Tag(name = "Dashboards")
public class DashboardController {
    private final QueryGateway queries;
    private final Clock clock;
    private final ObjectProvider<AuditLog> auditLog;
    private final AsOfCalendar asOfCalendar;

    public DashboardController(QueryGateway queries, Clock clock, ObjectProvider<AuditLog> auditLog,
                               AsOfCalendar asOfCalendar) {
        this.queries = queries;
        this.clock = clock;
        this.auditLog = auditLog;
        this.asOfCalendar = asOfCalendar;
    }

    /** {@code asOf} only when asked for the calendar as it stood then. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Calendar(Instant asOf, List<CalendarEvent> events) {}

    /**
     * A booked date on the calendar; a private booking the caller may not see shows as "Busy" (ADR 0040). Whose it
     * is stays out of the calendar for everyone.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CalendarEvent(String bookingId, String title, String resourceId, Instant start, Instant end,
                                BookingStatus status, String category,
                                @JsonProperty("private") boolean privateBooking) {
        static List<CalendarEvent> of(List<CalendarEntry> entries, PrivateBookings reader) {
            return entries.stream().map(reader::seen).map(e -> new CalendarEvent(e.bookingId(), e.title(),
                    e.resourceId(), e.start(), e.end(), e.status(), e.category(), e.privateBooking())).toList();
        }
    }

    public record Heatmap(Instant from, Instant to, List<HeatmapCell> cells) {}

    @Operation(summary = "Active bookings (PENDING_APPROVAL, CONFIRMED) overlapping a window; with asOf, as the "
            + "calendar stood at that instant, computed from the events stored up to it")
    @GetMapping("/dashboard/calendar")
    @PreAuthorize("isAuthenticated()")
    public Calendar calendar(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String resourceId,
                             @RequestParam(required = false) String asOf, Authentication authentication) {
        PrivateBookings reader = PrivateBookings.seenBy(queries, Caller.of(authentication));
        List<FieldViolation> violations = new ArrayList<>();
        Instant asOfInstant = asOf == null ? null : TimeInput.parse("asOf", asOf, violations);
        Instant[] window = TimeInput.window(from, to, clock.instant(), Duration.ofDays(7), false, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (asOfInstant != null) {
            AuditLog log = auditLog.getIfAvailable();
            if (log == null) {
                throw new InvalidInputException(List.of(new FieldViolation("asOf",
                        "the calendar as of a past instant needs an audit log, which this deployment lacks")));
            }
            return new Calendar(asOfInstant, CalendarEvent.of(
                    asOfCalendar.at(log, asOfInstant, window[0], window[1], resourceId), reader));
        }
        return new Calendar(null, CalendarEvent.of(queries.query(new FindCalendar(window[0], window[1], resourceId),
                ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join(), reader));
    }

    @Operation(summary = "Utilization by day of week (1=Mon) and hour, in each resource's own time zone")
    @GetMapping("/dashboard/heatmap")
    @PreAuthorize("isAuthenticated()")
    public Heatmap heatmap(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String resourceId) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant[] window = TimeInput.window(from, to, clock.instant(), Duration.ofDays(28), true, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Heatmap(window[0], window[1], queries.query(new FindHeatmap(window[0], window[1], resourceId),
                ResponseTypes.multipleInstancesOf(HeatmapCell.class)).join());
    }
}
