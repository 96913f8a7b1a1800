package io.aura.kernel.booking;

import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.category.CategoryQueries.CategoryView;
import io.aura.kernel.category.CategorySpec;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.Recurrence;
import io.aura.kernel.schedule.ScheduleRules;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.validation.TextPolicy;
import io.aura.kernel.validation.TimeBounds;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every rule about a booking request that can be checked before the schedule decides, in one place:
 * the limits on the request's own fields (which the {@code Booking} aggregate enforces on every
 * {@link RequestBooking}, whoever sends it) and the resource's rules for each date of a series. The
 * HTTP API, the web UI and the command line all call {@link #prepare}; the schedule aggregate checks
 * the resource's rules again with the same {@link ScheduleRules} when it decides (its spec may have
 * changed in between).
 */
public final class BookingRequestRules {
    /** A title is shown in lists and notifications and kept in the event store for good. */
    public static final int MAX_TITLE_LENGTH = 200;

    public static final int MAX_ATTENDEES = 100_000;

    /** A description is a note for the people who attend; a page, not a document. */
    public static final int MAX_DESCRIPTION_LENGTH = 4_000;

    /** An attendee's name or e-mail address. */
    public static final int MAX_ATTENDEE_NAME_LENGTH = 320;

    public static final int MAX_ATTENDEE_NAMES = 1_000;

    private BookingRequestRules() {}

    /**
     * Rules on the command's own fields: no resource, clock or other booking needed. Every text follows
     * the one text policy (bounded, no control characters, no direction overrides); every time is within
     * the bounds Aura accepts.
     */
    public static List<FieldViolation> fieldViolations(String title, String description, int attendees,
                                                       List<String> attendeeNames, TimeRange range) {
        List<FieldViolation> out = new ArrayList<>();
        if (title == null || title.isBlank()) {
            out.add(FieldViolation.of("title", Rule.REQUIRED));
        } else {
            TextPolicy.line("title", title, MAX_TITLE_LENGTH).ifPresent(out::add);
        }
        TextPolicy.lines("description", description, MAX_DESCRIPTION_LENGTH).ifPresent(out::add);
        if (attendees < 0 || attendees > MAX_ATTENDEES) {
            out.add(FieldViolation.of("attendees", Rule.ATTENDEES_NOT_A_NUMBER, MAX_ATTENDEES));
        }
        if (attendeeNames != null) {
            if (attendeeNames.size() > MAX_ATTENDEE_NAMES) {
                out.add(FieldViolation.of("attendees", Rule.TOO_MANY_ATTENDEE_NAMES, MAX_ATTENDEE_NAMES));
            } else {
                attendeeNames.stream().map(name -> TextPolicy.line("attendees", name, MAX_ATTENDEE_NAME_LENGTH))
                        .flatMap(Optional::stream).findFirst().ifPresent(out::add);
            }
        }
        out.addAll(TimeBounds.outside(range));
        return out;
    }

    /** As {@link #fieldViolations(String, String, int, List, TimeRange)}, for a command however it was sent. */
    public static List<FieldViolation> fieldViolations(RequestBooking command) {
        List<FieldViolation> out = fieldViolations(command.title(), command.description(), command.attendees(),
                command.attendeeNames(), command.range());
        if (command.range() == null) {
            out.add(FieldViolation.of("start", Rule.REQUIRED));
        }
        if (command.requester() == null || command.requester().isBlank()) {
            out.add(FieldViolation.of("requester", Rule.REQUIRED));
        }
        TextPolicy.line("category", command.category(), CategorySpec.MAX_NAME_LENGTH).ifPresent(out::add);
        return out;
    }

    /**
     * The command for {@code request}, its series expanded in the resource's time zone, carrying the quotas it
     * counts against with the zone their weeks and months are counted in (ADR 0034).
     *
     * @param resource the resource's spec as the read side knows it; empty when no resource has that id
     * @param quotas the quotas that limit the requester on that resource, as the read side knows them now: the
     *               entry point looks them up, because the saga that counts the request may not (empty: none)
     * @param earlier what the entry point found wrong while reading its input (bad formats), reported together
     * @throws InvalidInputException naming every field that breaks a rule; nothing is sent then
     */
    public static RequestBooking prepare(String bookingId, BookingRequest request, Optional<ResourceSpec> resource,
                                         List<QuotaView> quotas, Instant now, List<FieldViolation> earlier) {
        return prepare(bookingId, request, resource, quotas, List.of(), now, earlier);
    }

    /**
     * As above, with the category list as the read side knows it (ADR 0040): a request naming a category not on it
     * is refused naming {@code category}; a known one is carried under its defined name. Whether the booking is
     * private is decided here, for every entry point: as asked, else as its resource says.
     */
    public static RequestBooking prepare(String bookingId, BookingRequest request, Optional<ResourceSpec> resource,
                                         List<QuotaView> quotas, List<CategoryView> categories, Instant now,
                                         List<FieldViolation> earlier) {
        List<FieldViolation> violations = new ArrayList<>(earlier);
        String category = null;
        if (request.category() != null) {
            Optional<FieldViolation> shape = TextPolicy.line("category", request.category(),
                    CategorySpec.MAX_NAME_LENGTH);
            shape.ifPresent(violations::add);
            if (shape.isEmpty()) {
                category = CategoryView.named(categories, request.category()).map(CategoryView::name).orElse(null);
                if (category == null) {
                    violations.add(FieldViolation.of("category", Rule.UNKNOWN_CATEGORY));
                }
            }
        }
        violations.addAll(fieldViolations(request.title(), request.description(), request.attendees(),
                request.attendeeNames(), request.range()));
        boolean inBounds = TimeBounds.outside(request.range()).isEmpty();
        if (request.resourceId() == null || request.resourceId().isBlank()) {
            violations.add(FieldViolation.of("resourceId", Rule.REQUIRED));
        } else if (resource.isEmpty()) {
            violations.add(FieldViolation.of("resourceId", Rule.UNKNOWN_RESOURCE));
        }
        int attendees = Math.max(1, request.attendees()); // "0 attendees" is a booking for oneself
        List<TimeRange> occurrences = request.range() == null ? List.of() : List.of(request.range());
        if (resource.isPresent() && request.range() != null && inBounds) {
            if (request.recurring()) {
                var expansion = Recurrence.expand(request.recurrence(), request.range(),
                        ZoneId.of(resource.get().timeZone()));
                violations.addAll(expansion.violations());
                occurrences = expansion.occurrences();
            }
            violations.addAll(ScheduleRules.check(resource.get(), occurrences, attendees, now));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new RequestBooking(bookingId, request.resourceId(), request.title(), request.range(), occurrences,
                request.recurrence(), request.policy() == null ? ConflictPolicy.ALL_OR_NOTHING : request.policy(),
                attendees, request.attendeeNames(), request.description(), request.requester(),
                ApplicableQuotas.of(quotas, resource.orElseThrow().timeZone()),
                request.privateBooking() != null ? request.privateBooking() : resource.get().privateByDefault(),
                category);
    }
}
