package io.aura.app.api.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aura.app.api.NotFoundException;
import io.aura.gateway.Caller;
import io.aura.kernel.identity.Role;
import io.aura.kernel.quota.QuotaLedgerRules.PeriodUsage;
import io.aura.kernel.quota.QuotaLedgerRules.QuotaUsage;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.quota.Quotas;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quotas (API.md v1.1 "Bookings", ADR 0034): administrators define and remove them; everyone sees what their
 * own quotas hold this week or month. A request over a quota is refused by the booking path (409, source QUOTA).
 */
@RestController
@Tag(name = "Quotas")
public class QuotaController {
    private final Quotas quotas;

    public QuotaController(Quotas quotas) {
        this.quotas = quotas;
    }

    /** The request body; {@code period} is P1W or P1M, at least one of the limits is set. */
    public record NewQuota(String resourceId, String category, String role, String username, String period,
                           Integer maxMinutes, Integer maxBookings) {}

    /** A quota as the API shows it; a member that is null is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuotaBody(String quotaId, String resourceId, String category, String role, String username,
                            QuotaPeriod period, Integer maxMinutes, Integer maxBookings) {
        static QuotaBody of(QuotaView q) {
            QuotaSpec s = q.spec();
            return new QuotaBody(q.quotaId(), s.resourceId(), s.category(), s.role(), s.username(), s.period(),
                    s.maxMinutes(), s.maxBookings());
        }
    }

    /**
     * One of the caller's quotas: its limits, its current period ({@code 2026-W50}, {@code 2026-12}) and what
     * that holds; {@code upcoming}: later periods that already hold bookings.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UsageBody(String quotaId, String resourceId, String category, String role, QuotaPeriod period,
                            String currentPeriod, Integer maxMinutes, Integer maxBookings, long usedMinutes,
                            long usedBookings, List<PeriodUsage> upcoming) {
        static UsageBody of(QuotaUsage u) {
            QuotaSpec s = u.spec();
            return new UsageBody(u.quotaId(), s.resourceId(), s.category(), s.role(), s.period(), u.periodKey(),
                    s.maxMinutes(), s.maxBookings(), u.usedMinutes(), u.usedBookings(), u.upcoming());
        }
    }

    @Operation(summary = "Define a quota (ADMIN): per user, role, resource or category, per week or month")
    @PostMapping("/api/quotas")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<QuotaBody> define(@RequestBody NewQuota body) {
        List<FieldViolation> unreadable = new ArrayList<>();
        QuotaPeriod period = null;
        if (body.period() == null) {
            unreadable.add(FieldViolation.of("period", Rule.QUOTA_PERIOD));
        } else {
            period = QuotaPeriod.parse(body.period()).orElse(null);
            if (period == null) {
                unreadable.add(FieldViolation.of("period", Rule.QUOTA_PERIOD));
            }
        }
        QuotaSpec spec = new QuotaSpec(body.resourceId(), body.category(), body.role(), body.username(),
                period == null ? QuotaPeriod.P1W : period, body.maxMinutes(), body.maxBookings());
        if (!unreadable.isEmpty()) {
            unreadable.addAll(spec.violations());
            throw new InvalidInputException(unreadable);
        }
        QuotaBody created = QuotaBody.of(quotas.define(spec));
        return ResponseEntity.created(URI.create("/api/quotas/" + created.quotaId())).body(created);
    }

    @Operation(summary = "Every quota (ADMIN)")
    @GetMapping("/api/quotas")
    @PreAuthorize("hasRole('ADMIN')")
    public List<QuotaBody> list() {
        return quotas.all().stream().map(QuotaBody::of).toList();
    }

    @Operation(summary = "Remove a quota (ADMIN); 404 if it is unknown or removed already")
    @DeleteMapping("/api/quotas/{quotaId}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> remove(@PathVariable String quotaId) {
        if (!quotas.remove(quotaId)) {
            throw new NotFoundException("No quota " + quotaId);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "My quotas: per quota that limits me, its limits and what its current week or month holds")
    @GetMapping("/api/quotas/usage")
    @PreAuthorize("isAuthenticated()")
    public List<UsageBody> usage(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return quotas.usageOf(caller.name(), caller.roles().stream().map(Role::name).toList()).stream()
                .map(UsageBody::of).toList();
    }
}
