package io.aura.kernel.whatif;

import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.resource.OpeningHours;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A proposed rule for the policy what-if (ADR 0048); a member left null keeps the rule as it was. {@code openingHours}
 * empty: always open; {@code approvalLevels} empty: no approval; {@code quota}: one more quota, as if an administrator
 * had defined it at the start of the period.
 */
public record PolicyChange(Integer bufferMinutes, Integer maxDurationMinutes, List<OpeningHours.Interval> openingHours,
                           QuotaSpec quota, List<ApprovalLevel> approvalLevels) {
    public static final PolicyChange NONE = new PolicyChange(null, null, null, null, null);

    public PolicyChange {
        openingHours = openingHours == null ? null : Collections.unmodifiableList(new ArrayList<>(openingHours));
        approvalLevels = approvalLevels == null ? null : Collections.unmodifiableList(new ArrayList<>(approvalLevels));
    }

    /** What is wrong with it, each field named as the API's body names it ({@code change.bufferMinutes}, …). */
    public List<FieldViolation> violations() {
        List<FieldViolation> out = new ArrayList<>();
        if (bufferMinutes != null && (bufferMinutes < 0 || bufferMinutes > 24 * 60)) {
            out.add(FieldViolation.of("change.bufferMinutes", Rule.BUFFER_RANGE));
        }
        if (maxDurationMinutes != null && (maxDurationMinutes < 1 || maxDurationMinutes > 31 * 24 * 60)) {
            out.add(FieldViolation.of("change.maxDurationMinutes", Rule.MAX_DURATION_RANGE));
        }
        if (openingHours != null) {
            out.addAll(OpeningHours.violations("change.openingHours", openingHours));
        }
        if (quota != null) {
            quota.violations().forEach(v -> out.add(new FieldViolation("change.quota." + v.field(), v.message(),
                    v.rule(), v.arguments())));
        }
        if (approvalLevels != null) {
            for (int i = 0; i < approvalLevels.size(); i++) {
                String path = "change.approvalLevels[" + i + "]";
                ApprovalLevel level = approvalLevels.get(i);
                if (level == null) {
                    out.add(FieldViolation.of(path, Rule.NOT_NULL));
                } else {
                    out.addAll(level.violations(path));
                }
            }
        }
        return out;
    }

    /** The resource's rules with this change made; the same spec when it changes none of them. */
    public ResourceSpec applyTo(ResourceSpec spec) {
        if (bufferMinutes == null && maxDurationMinutes == null && openingHours == null && approvalLevels == null) {
            return spec;
        }
        boolean approvalRequired = approvalLevels == null ? spec.approvalRequired() : !approvalLevels.isEmpty();
        return new ResourceSpec(spec.name(), spec.capacity(), spec.timeZone(), approvalRequired,
                approvalLevels == null || approvalRequired ? spec.approvers() : List.of(),
                bufferMinutes == null ? spec.bufferMinutes() : bufferMinutes, spec.minDurationMinutes(),
                maxDurationMinutes == null ? spec.maxDurationMinutes() : maxDurationMinutes, spec.bookingWindowDays(),
                approvalLevels == null ? spec.approvalLevels() : approvalLevels, spec.approvalDeadline(),
                openingHours == null ? spec.openingHours() : openingHours, spec.checkIn(), spec.privateByDefault(),
                spec.siteId());
    }
}
