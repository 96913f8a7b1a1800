package io.aura.app.api.report;

import io.aura.app.api.TimeInput;
import io.aura.gateway.Caller;
import io.aura.gateway.Reporting;
import io.aura.kernel.report.Reports;
import io.aura.kernel.report.TimesheetGrouping;
import io.aura.kernel.report.TimesheetRow;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports (API.md v1.1 "Reports"): timesheets per person, resource or category per week, and utilization per
 * resource per day, as JSON or CSV. Counted by the kernel's {@link Reports}; who sees whose rows by {@link Reporting}.
 */
@RestController
@Tag(name = "Reports")
public class ReportController {
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Reporting reporting;
    private final Clock clock;

    public ReportController(Reporting reporting, Clock clock) {
        this.reporting = reporting;
        this.clock = clock;
    }

    @Operation(summary = "Timesheet per week: bookings, minutes and checked-in minutes per user, resource or "
            + "category; your own bookings (ADMIN and AUDITOR: everyone's); from/to default to the last 4 weeks")
    @GetMapping("/api/timesheets")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<?> timesheet(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String groupBy,
                                       @RequestParam(required = false) String format, Authentication caller) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant[] window = TimeInput.window(from, to, clock.instant(), Duration.ofDays(28), true, violations);
        Optional<TimesheetGrouping> grouping = groupBy == null ? Optional.of(TimesheetGrouping.USER)
                : TimesheetGrouping.parse(groupBy);
        if (grouping.isEmpty()) {
            violations.add(new FieldViolation("groupBy", "must be one of " + names()));
        }
        boolean csv = csv(format, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<TimesheetRow> rows = reporting.timesheet(Caller.of(caller), new TimeRange(window[0], window[1]),
                grouping.get());
        return csv ? csv("timesheet.csv", Reports.timesheetCsv(rows)) : ResponseEntity.ok(rows);
    }

    @Operation(summary = "Utilization CSV (ADMIN, AUDITOR): one row per resource per local day with its bookable "
            + "(open), booked and checked-in minutes; from/to default to the last 4 weeks")
    @GetMapping("/dashboard/utilization.csv")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    public ResponseEntity<String> utilization(@RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to, Authentication caller) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant[] window = TimeInput.window(from, to, clock.instant(), Duration.ofDays(28), true, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return csv("utilization.csv", Reports.utilizationCsv(reporting.utilization(Caller.of(caller),
                new TimeRange(window[0], window[1]))));
    }

    private static boolean csv(String format, List<FieldViolation> violations) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        violations.add(new FieldViolation("format", "must be json or csv"));
        return false;
    }

    private static String names() {
        return String.join(", ", java.util.Arrays.stream(TimesheetGrouping.values())
                .map(g -> g.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    private static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }
}
