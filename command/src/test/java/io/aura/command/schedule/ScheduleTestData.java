package io.aura.command.schedule;

import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.resource.OpeningHours;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;

/**
 * Builders for the schedule tests' set-ups: a test names what it is about ({@code placeHold("b-2",
 * at("09:30", "10:30")).attendees(11)}) and takes the defaults below for the rest.
 */
final class ScheduleTestData {
    /** The resource every schedule test books. */
    static final String R = "r-1";
    /** When the tests' requests are made: the day before the slots {@link #at} names. */
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private ScheduleTestData() {}

    /** A slot on 2 December 2026 (UTC), the day after {@link #NOW}: {@code at("09:00", "10:00")}. */
    static TimeRange at(String start, String end) {
        return new TimeRange(Instant.parse("2026-12-02T" + start + ":00Z"), Instant.parse("2026-12-02T" + end + ":00Z"));
    }

    /** A resource in Berlin for 10 people, no buffer, 15 minutes to 12 hours, a year ahead, no approval. */
    static ResourceSpecBuilder aResource(String name) {
        return new ResourceSpecBuilder(name);
    }

    /** Hold these occurrences for 4 attendees, all or nothing, requested {@link #NOW} with no roles. */
    static PlaceHoldBuilder placeHold(String bookingId, TimeRange... occurrences) {
        return new PlaceHoldBuilder(bookingId, List.of(occurrences));
    }

    /** These occurrences held, nothing skipped, no approval needed, requested {@link #NOW}. */
    static HoldPlacedBuilder holdPlaced(String bookingId, TimeRange... occurrences) {
        return new HoldPlacedBuilder(bookingId, List.of(occurrences));
    }

    static final class ResourceSpecBuilder {
        private final String name;
        private int capacity = 10;
        private String timeZone = "Europe/Berlin";
        private int bufferMinutes = ResourceSpec.DEFAULT_BUFFER_MINUTES;
        private int minDurationMinutes = ResourceSpec.DEFAULT_MIN_DURATION_MINUTES;
        private int maxDurationMinutes = ResourceSpec.DEFAULT_MAX_DURATION_MINUTES;
        private int bookingWindowDays = ResourceSpec.DEFAULT_BOOKING_WINDOW_DAYS;
        private List<ApprovalLevel> approvalLevels = List.of();
        private String approvalDeadline;
        private List<OpeningHours.Interval> openingHours = List.of();

        private ResourceSpecBuilder(String name) {
            this.name = name;
        }

        ResourceSpecBuilder capacity(int people) {
            capacity = people;
            return this;
        }

        ResourceSpecBuilder timeZone(String zone) {
            timeZone = zone;
            return this;
        }

        ResourceSpecBuilder bufferMinutes(int minutes) {
            bufferMinutes = minutes;
            return this;
        }

        ResourceSpecBuilder durationMinutes(int min, int max) {
            minDurationMinutes = min;
            maxDurationMinutes = max;
            return this;
        }

        ResourceSpecBuilder bookableDaysAhead(int days) {
            bookingWindowDays = days;
            return this;
        }

        /** Requests need these levels' approval (where each applies), each level decided within {@code deadline}. */
        ResourceSpecBuilder approvedBy(String deadline, ApprovalLevel... levels) {
            approvalLevels = List.of(levels);
            approvalDeadline = deadline;
            return this;
        }

        /** Open only at these weekly local times. */
        ResourceSpecBuilder open(OpeningHours.Interval... intervals) {
            openingHours = List.of(intervals);
            return this;
        }

        ResourceSpec build() {
            return new ResourceSpec(name, capacity, timeZone, false, List.of(), bufferMinutes, minDurationMinutes,
                    maxDurationMinutes, bookingWindowDays, approvalLevels, approvalDeadline, openingHours);
        }
    }

    static final class PlaceHoldBuilder {
        private final String bookingId;
        private final List<TimeRange> occurrences;
        private ConflictPolicy policy = ConflictPolicy.ALL_OR_NOTHING;
        private int attendees = 4;
        private Instant requestedAt = NOW;
        private List<String> requesterRoles = List.of();

        private PlaceHoldBuilder(String bookingId, List<TimeRange> occurrences) {
            this.bookingId = bookingId;
            this.occurrences = occurrences;
        }

        PlaceHoldBuilder skippingConflicts() {
            policy = ConflictPolicy.SKIP_CONFLICTS;
            return this;
        }

        PlaceHoldBuilder attendees(int people) {
            attendees = people;
            return this;
        }

        PlaceHoldBuilder requestedAt(Instant instant) {
            requestedAt = instant;
            return this;
        }

        PlaceHoldBuilder byRoles(String... roles) {
            requesterRoles = List.of(roles);
            return this;
        }

        PlaceHold build() {
            return new PlaceHold(R, bookingId, occurrences, policy, attendees, requestedAt, requesterRoles);
        }
    }

    static final class HoldPlacedBuilder {
        private final String bookingId;
        private final List<TimeRange> occurrences;
        private List<TimeRange> skipped = List.of();
        private List<Conflict> skippedConflicts = List.of();
        private boolean approvalRequired;
        private Instant requestedAt = NOW;
        private List<ApprovalLevel> approvalLevels = List.of();
        private String approvalDeadline;

        private HoldPlacedBuilder(String bookingId, List<TimeRange> occurrences) {
            this.bookingId = bookingId;
            this.occurrences = occurrences;
        }

        /** The series' {@code occurrence} was left out for {@code conflict} (SKIP_CONFLICTS). */
        HoldPlacedBuilder skipping(TimeRange occurrence, Conflict conflict) {
            skipped = List.of(occurrence);
            skippedConflicts = List.of(conflict);
            return this;
        }

        HoldPlacedBuilder needingApproval(String deadline, ApprovalLevel... levels) {
            approvalRequired = true;
            approvalLevels = List.of(levels);
            approvalDeadline = deadline;
            return this;
        }

        HoldPlacedBuilder requestedAt(Instant instant) {
            requestedAt = instant;
            return this;
        }

        HoldPlaced build() {
            return new HoldPlaced(R, bookingId, occurrences, skipped, skippedConflicts, approvalRequired, requestedAt,
                    approvalLevels, approvalDeadline);
        }
    }
}
