package io.aura.app.api.whatif;

import io.aura.app.api.TimeInput;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.resource.OpeningHours;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.whatif.PolicyChange;
import io.aura.kernel.whatif.WhatIfReport;
import io.aura.kernel.whatif.WhatIfs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy what-if (API.md v1.1 "Policy and model", ADR 0048): the recorded requests of a period replayed against
 * a proposed rule, in memory, by the same decisions as the live path; nothing is sent, stored or written.
 */
@RestController
@Tag(name = "Policy")
public class WhatIfController {
    private final WhatIfs whatIfs;

    public WhatIfController(WhatIfs whatIfs) {
        this.whatIfs = whatIfs;
    }

    /** The body: a period (at most 366 days), optionally one resource, and the rule to try. */
    public record WhatIfBody(String from, String to, String resourceId, NewChange change) {}

    /** The proposed rule; a member left out keeps the rule as it is ({@code openingHours: []}: always open). */
    public record NewChange(Integer bufferMinutes, Integer maxDurationMinutes, List<NewOpeningHours> openingHours,
                            NewQuota quota, List<NewApprovalLevel> approvalLevels) {}

    public record NewOpeningHours(Integer dayOfWeek, String from, String to) {}

    /** A quota as {@code POST /api/quotas} takes it, counted as if defined at the period's start. */
    public record NewQuota(String resourceId, String category, String role, String username, String period,
                           Integer maxMinutes, Integer maxBookings) {}

    /** A level as {@code POST /api/resources} takes it ({@code approvalLevels: []}: no approval). */
    public record NewApprovalLevel(String name, List<String> approvers, String approverRole, Integer minAttendees,
                                   Integer minDurationMinutes, List<String> requesterRoles, List<String> escalateTo) {}

    @Operation(summary = "Try a rule on history (ADMIN): the period's recorded requests replayed against a proposed "
            + "buffer, maximum length, opening hours, quota or approval levels; how many would have been refused and "
            + "why, examples, utilization before and after. Changes nothing")
    @PostMapping("/api/admin/what-if")
    @PreAuthorize("hasRole('ADMIN')")
    public WhatIfReport whatIf(@RequestBody WhatIfBody body) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant from = TimeInput.parse("from", body.from(), violations);
        Instant to = TimeInput.parse("to", body.to(), violations);
        PolicyChange change = body.change() == null ? PolicyChange.NONE : toChange(body.change(), violations);
        if (!violations.isEmpty()) {
            if (change != null) {
                violations.addAll(change.violations());
            }
            throw new InvalidInputException(violations);
        }
        return whatIfs.whatIf(from, to, body.resourceId(), change);
    }

    private static PolicyChange toChange(NewChange c, List<FieldViolation> violations) {
        List<OpeningHours.Interval> hours = c.openingHours() == null ? null : c.openingHours().stream()
                .map(h -> h == null ? null
                        : new OpeningHours.Interval(h.dayOfWeek() == null ? 0 : h.dayOfWeek(), h.from(), h.to()))
                .toList();
        QuotaSpec quota = null;
        if (c.quota() != null) {
            NewQuota q = c.quota();
            QuotaPeriod period = q.period() == null ? null : QuotaPeriod.parse(q.period()).orElse(null);
            if (period == null) {
                violations.add(FieldViolation.of("change.quota.period", Rule.QUOTA_PERIOD));
            }
            quota = new QuotaSpec(q.resourceId(), q.category(), q.role(), q.username(),
                    period == null ? QuotaPeriod.P1W : period, q.maxMinutes(), q.maxBookings());
        }
        List<ApprovalLevel> levels = c.approvalLevels() == null ? null : c.approvalLevels().stream()
                .map(l -> l == null ? null : new ApprovalLevel(l.name(), l.approvers(), l.approverRole(),
                        l.minAttendees() == null ? 0 : l.minAttendees(),
                        l.minDurationMinutes() == null ? 0 : l.minDurationMinutes(), l.requesterRoles(),
                        l.escalateTo()))
                .toList();
        return new PolicyChange(c.bufferMinutes(), c.maxDurationMinutes(), hours, quota, levels);
    }
}
