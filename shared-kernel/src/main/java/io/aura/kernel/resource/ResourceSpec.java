package io.aura.kernel.resource;

import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.approval.ApprovalPolicy;
import io.aura.kernel.approval.ApproverNames;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.TextPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an administrator declares about a room, venue or piece of equipment, with the booking
 * rules that apply to it. {@link #violations()} is the single place these rules are checked.
 */
public record ResourceSpec(
        String name,
        int capacity,
        String timeZone,
        boolean approvalRequired,
        List<String> approvers,
        int bufferMinutes,
        int minDurationMinutes,
        int maxDurationMinutes,
        int bookingWindowDays,
        List<ApprovalLevel> approvalLevels,
        String approvalDeadline) {

    public static final int DEFAULT_BUFFER_MINUTES = 0;
    public static final int DEFAULT_MIN_DURATION_MINUTES = 15;
    public static final int DEFAULT_MAX_DURATION_MINUTES = 12 * 60;
    public static final int DEFAULT_BOOKING_WINDOW_DAYS = 365;

    public ResourceSpec {
        approvers = approvers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(approvers));
        // Added after the first events were stored: an old ResourceRegistered reads as "no levels".
        approvalLevels = approvalLevels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(approvalLevels));
    }

    /** A resource with at most one level of approvers (the shape before approval levels). */
    public ResourceSpec(String name, int capacity, String timeZone, boolean approvalRequired, List<String> approvers,
                        int bufferMinutes, int minDurationMinutes, int maxDurationMinutes, int bookingWindowDays) {
        this(name, capacity, timeZone, approvalRequired, approvers, bufferMinutes, minDurationMinutes,
                maxDurationMinutes, bookingWindowDays, List.of(), null);
    }

    public List<FieldViolation> violations() {
        List<FieldViolation> out = new ArrayList<>();
        if (name == null || name.isBlank()) {
            out.add(new FieldViolation("name", "must not be blank"));
        } else {
            TextPolicy.line("name", name, 120).ifPresent(out::add);
        }
        if (capacity < 1 || capacity > 100_000) {
            out.add(new FieldViolation("capacity", "must be between 1 and 100000"));
        }
        if (!isRegionZone(timeZone)) {
            out.add(new FieldViolation("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        List<FieldViolation> approversShape = ApproverNames.shape("approvers", approvers);
        out.addAll(approversShape);
        if (approversShape.isEmpty() && !approvalRequired && !approvers.isEmpty()) {
            // once dropped silently: named approvers were never asked (ADR 0028 says why this refuses)
            out.add(new FieldViolation("approvers", "are asked only when approval is required: set approvalRequired, "
                    + "or leave approvers out"));
        }
        if (bufferMinutes < 0 || bufferMinutes > 24 * 60) {
            out.add(new FieldViolation("bufferMinutes", "must be between 0 and 1440"));
        }
        if (minDurationMinutes < 1) {
            out.add(new FieldViolation("minDurationMinutes", "must be at least 1"));
        }
        if (maxDurationMinutes < 1 || maxDurationMinutes > 31 * 24 * 60) {
            out.add(new FieldViolation("maxDurationMinutes", "must be between 1 and 44640 (31 days)"));
        } else if (minDurationMinutes >= 1 && maxDurationMinutes < minDurationMinutes) {
            out.add(new FieldViolation("maxDurationMinutes", "must not be less than minDurationMinutes"));
        }
        if (bookingWindowDays < 1 || bookingWindowDays > 3650) {
            out.add(new FieldViolation("bookingWindowDays", "must be between 1 and 3650"));
        }
        for (int i = 0; i < approvalLevels.size(); i++) {
            ApprovalLevel level = approvalLevels.get(i);
            String path = "approvalLevels[" + i + "]";
            if (level == null) {
                out.add(new FieldViolation(path, "must not be null"));
            } else {
                out.addAll(level.violations(path));
            }
        }
        if (approvalDeadline != null) {
            try {
                Duration deadline = Duration.parse(approvalDeadline);
                if (deadline.compareTo(ApprovalPolicy.MIN_DEADLINE) < 0 || deadline.compareTo(ApprovalPolicy.MAX_DEADLINE) > 0) {
                    out.add(new FieldViolation("approvalDeadline", "must be between PT10S and P30D"));
                }
            } catch (DateTimeParseException e) {
                out.add(new FieldViolation("approvalDeadline", "must be an ISO-8601 duration such as PT48H"));
            }
        }
        return out;
    }

    private static boolean isRegionZone(String zone) {
        // Only region ids: a fixed offset would silently ignore daylight saving time.
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone);
    }
}
