package io.aura.kernel.resource;

import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.approval.ApprovalPolicy;
import io.aura.kernel.approval.ApproverNames;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
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
        String approvalDeadline,
        List<OpeningHours.Interval> openingHours,
        CheckInPolicy checkIn,
        Boolean privateByDefault,
        String siteId) {

    public static final int DEFAULT_BUFFER_MINUTES = 0;
    public static final int DEFAULT_MIN_DURATION_MINUTES = 15;
    public static final int DEFAULT_MAX_DURATION_MINUTES = 12 * 60;
    public static final int DEFAULT_BOOKING_WINDOW_DAYS = 365;

    public ResourceSpec {
        approvers = approvers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(approvers));
        // Added after the first events were stored: an old ResourceRegistered reads as "no levels".
        approvalLevels = approvalLevels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(approvalLevels));
        // Added with issue 19: an older spec reads as "always open" (no intervals).
        openingHours = openingHours == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(openingHours));
        // Added with issue 20 (ADR 0040): an older spec reads as "bookings are not private unless asked".
        privateByDefault = Boolean.TRUE.equals(privateByDefault);
    }

    /** A resource whose bookings are not private unless asked (the shape before ADR 0040). */
    public ResourceSpec(String name, int capacity, String timeZone, boolean approvalRequired, List<String> approvers,
                        int bufferMinutes, int minDurationMinutes, int maxDurationMinutes, int bookingWindowDays,
                        List<ApprovalLevel> approvalLevels, String approvalDeadline,
                        List<OpeningHours.Interval> openingHours, CheckInPolicy checkIn) {
        this(name, capacity, timeZone, approvalRequired, approvers, bufferMinutes, minDurationMinutes,
                maxDurationMinutes, bookingWindowDays, approvalLevels, approvalDeadline, openingHours, checkIn, false);
    }

    /** A resource at no site (the shape before sites: older specs read {@code siteId} as null, none). */
    public ResourceSpec(String name, int capacity, String timeZone, boolean approvalRequired, List<String> approvers,
                        int bufferMinutes, int minDurationMinutes, int maxDurationMinutes, int bookingWindowDays,
                        List<ApprovalLevel> approvalLevels, String approvalDeadline,
                        List<OpeningHours.Interval> openingHours, CheckInPolicy checkIn, Boolean privateByDefault) {
        this(name, capacity, timeZone, approvalRequired, approvers, bufferMinutes, minDurationMinutes,
                maxDurationMinutes, bookingWindowDays, approvalLevels, approvalDeadline, openingHours, checkIn,
                privateByDefault, null);
    }

    /**
     * Whether {@code person} (holding {@code roles}) approves requests on this resource: named in its approvers or
     * in one of its levels, or holding a level's approver role (a bare "approval required" asks APPROVER).
     */
    public boolean approvedBy(String person, java.util.Collection<String> roles) {
        if (person != null && approvers.contains(person)) {
            return true;
        }
        List<ApprovalLevel> levels = !approvalLevels.isEmpty() ? approvalLevels
                : approvalRequired ? List.of(ApprovalLevel.simple(approvers)) : List.of();
        return levels.stream().anyMatch(level -> level != null && ((person != null && level.approvers().contains(person))
                || (level.approverRole() != null && roles.contains(level.approverRole()))));
    }

    /** A resource without check-in (the shape before check-in: older specs read {@code checkIn} as null, none). */
    public ResourceSpec(String name, int capacity, String timeZone, boolean approvalRequired, List<String> approvers,
                        int bufferMinutes, int minDurationMinutes, int maxDurationMinutes, int bookingWindowDays,
                        List<ApprovalLevel> approvalLevels, String approvalDeadline,
                        List<OpeningHours.Interval> openingHours) {
        this(name, capacity, timeZone, approvalRequired, approvers, bufferMinutes, minDurationMinutes,
                maxDurationMinutes, bookingWindowDays, approvalLevels, approvalDeadline, openingHours, null);
    }

    /** A resource that is always open (the shape before opening hours). */
    public ResourceSpec(String name, int capacity, String timeZone, boolean approvalRequired, List<String> approvers,
                        int bufferMinutes, int minDurationMinutes, int maxDurationMinutes, int bookingWindowDays,
                        List<ApprovalLevel> approvalLevels, String approvalDeadline) {
        this(name, capacity, timeZone, approvalRequired, approvers, bufferMinutes, minDurationMinutes,
                maxDurationMinutes, bookingWindowDays, approvalLevels, approvalDeadline, List.of());
    }

    /** A resource with at most one level of approvers (the shape before approval levels). */
    public ResourceSpec(String name, int capacity, String timeZone, boolean approvalRequired, List<String> approvers,
                        int bufferMinutes, int minDurationMinutes, int maxDurationMinutes, int bookingWindowDays) {
        this(name, capacity, timeZone, approvalRequired, approvers, bufferMinutes, minDurationMinutes,
                maxDurationMinutes, bookingWindowDays, List.of(), null, List.of());
    }

    public List<FieldViolation> violations() {
        List<FieldViolation> out = new ArrayList<>();
        if (name == null || name.isBlank()) {
            out.add(FieldViolation.of("name", Rule.NOT_BLANK));
        } else {
            TextPolicy.line("name", name, 120).ifPresent(out::add);
        }
        if (capacity < 1 || capacity > 100_000) {
            out.add(FieldViolation.of("capacity", Rule.CAPACITY_RANGE));
        }
        if (!isRegionZone(timeZone)) {
            out.add(FieldViolation.of("timeZone", Rule.TIME_ZONE));
        }
        List<FieldViolation> approversShape = ApproverNames.shape("approvers", approvers);
        out.addAll(approversShape);
        if (approversShape.isEmpty() && !approvalRequired && !approvers.isEmpty()) {
            // once dropped silently: named approvers were never asked (ADR 0028 says why this refuses)
            out.add(FieldViolation.of("approvers", Rule.APPROVERS_WITHOUT_APPROVAL));
        }
        if (bufferMinutes < 0 || bufferMinutes > 24 * 60) {
            out.add(FieldViolation.of("bufferMinutes", Rule.BUFFER_RANGE));
        }
        if (minDurationMinutes < 1) {
            out.add(FieldViolation.of("minDurationMinutes", Rule.MIN_DURATION_RANGE));
        }
        if (maxDurationMinutes < 1 || maxDurationMinutes > 31 * 24 * 60) {
            out.add(FieldViolation.of("maxDurationMinutes", Rule.MAX_DURATION_RANGE));
        } else if (minDurationMinutes >= 1 && maxDurationMinutes < minDurationMinutes) {
            out.add(FieldViolation.of("maxDurationMinutes", Rule.MAX_BELOW_MIN));
        }
        if (bookingWindowDays < 1 || bookingWindowDays > 3650) {
            out.add(FieldViolation.of("bookingWindowDays", Rule.BOOKING_WINDOW_RANGE));
        }
        for (int i = 0; i < approvalLevels.size(); i++) {
            ApprovalLevel level = approvalLevels.get(i);
            String path = "approvalLevels[" + i + "]";
            if (level == null) {
                out.add(FieldViolation.of(path, Rule.NOT_NULL));
            } else {
                out.addAll(level.violations(path));
            }
        }
        if (approvalDeadline != null) {
            try {
                Duration deadline = Duration.parse(approvalDeadline);
                if (deadline.compareTo(ApprovalPolicy.MIN_DEADLINE) < 0 || deadline.compareTo(ApprovalPolicy.MAX_DEADLINE) > 0) {
                    out.add(FieldViolation.of("approvalDeadline", Rule.APPROVAL_DEADLINE_RANGE));
                }
            } catch (DateTimeParseException e) {
                out.add(FieldViolation.of("approvalDeadline", Rule.APPROVAL_DEADLINE_FORMAT));
            }
        }
        out.addAll(OpeningHours.violations("openingHours", openingHours));
        if (checkIn != null) {
            out.addAll(checkIn.violations("checkIn"));
        }
        if (siteId != null) { // that the site exists is checked where the request enters (another aggregate)
            if (siteId.isBlank()) {
                out.add(FieldViolation.of("siteId", Rule.NOT_BLANK));
            } else {
                TextPolicy.line("siteId", siteId, 100).ifPresent(out::add);
            }
        }
        return out;
    }

    private static boolean isRegionZone(String zone) {
        // Only region ids: a fixed offset would silently ignore daylight saving time.
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone);
    }
}
