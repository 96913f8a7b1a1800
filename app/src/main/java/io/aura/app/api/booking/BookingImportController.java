package io.aura.app.api.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aura.app.api.NotFoundException;
import io.aura.app.api.booking.BookingAnswers.ConflictBody;
import io.aura.app.api.booking.IcsBookingRequests.Item;
import io.aura.gateway.Caller;
import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingRequestRules;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.Quotas;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bookings imported from an ICS file (API.md v1.1 "Calendars outside", ADR 0035): each VEVENT is
 * requested for the caller through the normal decision path (the kernel's rules, the schedule's
 * conflicts, approvals), one after the other in the file's order, so two events of one file that
 * overlap conflict as two requests would. The file is read and checked before anything is sent: a
 * body that is no calendar, or holds too many events, records nothing. An event imported before (same
 * caller, resource and UID) is answered with its booking, never booked twice.
 */
@RestController
@Tag(name = "Bookings")
public class BookingImportController {
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(20);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final Clock clock;

    private final Quotas quotas;

    public BookingImportController(ReadYourWrites readYourWrites, QueryGateway queries, Clock clock, Quotas quotas) {
        this.quotas = quotas;
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.clock = clock;
    }

    /** What became of an event; {@code status} INVALID: not requested, {@code errors} say why. */
    public enum ImportStatus {
        REQUESTED,
        PENDING_APPROVAL,
        CONFIRMED,
        REJECTED,
        CANCELLED,
        EXPIRED,
        INVALID;

        static ImportStatus of(BookingStatus status) {
            return valueOf(status.name());
        }
    }

    /** An error as a 400 problem names it: field, English message, and the rule with its arguments. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportError(String field, String message, String rule, List<String> arguments) {
        static ImportError of(FieldViolation v) {
            return new ImportError(v.field(), v.message(), v.rule() == null ? null : v.rule().name(),
                    v.rule() == null ? null : v.arguments());
        }
    }

    /** {@code alreadyImported}: the event's booking was made by an earlier import of the same UID. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportedBooking(String uid, String bookingId, ImportStatus status, List<ConflictBody> conflicts,
                                  List<String> violations, List<ImportError> errors, Boolean alreadyImported) {}

    @Operation(summary = "Import bookings from an ICS file (REQUESTER, ADMIN): body text/calendar; each VEVENT (an RRULE "
            + "as a series) is requested for you on the resource as a booking would be, in the file's order; 200 with "
            + "one entry per event. Importing the same file again books nothing twice (events are known by UID). "
            + "At most 200 events; a body that is not ICS is 400 naming body, a missing resourceId 400, an unknown "
            + "resource 404",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string"))))
    @PostMapping("/api/bookings/import")
    @PreAuthorize("hasAnyRole('REQUESTER', 'ADMIN')")
    public List<ImportedBooking> importBookings(@RequestParam(required = false) String resourceId,
                                                @RequestBody(required = false) String body,
                                                Authentication caller) {
        if (resourceId == null || resourceId.isBlank()) {
            throw new InvalidInputException(List.of(FieldViolation.of("resourceId", Rule.REQUIRED)));
        }
        IcsBookingRequests.parse(body); // a body that is no calendar is refused before the resource is looked up
        ResourceView resource = (resourceId.length() > 100 ? Optional.<ResourceView>empty()
                : queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class))
                        .join()).orElseThrow(() -> new NotFoundException("No resource " + resourceId));
        List<Item> items = IcsBookingRequests.read(body, caller.getName(), resourceId,
                ZoneId.of(resource.spec().timeZone()));
        // looked up once for the file: its bookings are the caller's, on one resource (ADR 0034)
        List<QuotaView> applicable = quotas.applicableTo(caller.getName(), Caller.of(caller).roleNames(), resourceId);
        List<ImportedBooking> answers = new ArrayList<>();
        for (Item item : items) {
            answers.add(importOne(item, resource, applicable));
        }
        return answers;
    }

    private ImportedBooking importOne(Item item, ResourceView resource, List<QuotaView> applicable) {
        if (item.request() == null) {
            return invalid(item, item.violations());
        }
        Optional<BookingView> earlier = booking(item.bookingId());
        if (earlier.isPresent()) {
            return answer(item, earlier.get(), true);
        }
        RequestBooking command;
        try {
            command = BookingRequestRules.prepare(item.bookingId(), item.request(), Optional.of(resource.spec()),
                    applicable, clock.instant(), List.of());
        } catch (InvalidInputException refused) {
            return invalid(item, refused.violations());
        }
        Optional<BookingView> decided;
        try {
            decided = readYourWrites.sendAndAwait(command, new FindBooking(item.bookingId()), BookingView.class,
                    v -> v.status() != BookingStatus.REQUESTED, DECISION_TIMEOUT);
        } catch (RuntimeException raced) {
            // the same event imported at the same moment by another request: that one made the booking
            decided = readYourWrites.await(new FindBooking(item.bookingId()), BookingView.class,
                    v -> v.status() != BookingStatus.REQUESTED, DECISION_TIMEOUT);
            if (decided.isEmpty()) {
                throw raced;
            }
            return answer(item, decided.get(), true);
        }
        return decided.map(v -> answer(item, v, false))
                .orElseGet(() -> new ImportedBooking(item.uid(), item.bookingId(), ImportStatus.REQUESTED, null, null,
                        null, null));
    }

    private static ImportedBooking invalid(Item item, List<FieldViolation> violations) {
        return new ImportedBooking(item.uid(), null, ImportStatus.INVALID, null, null,
                violations.stream().map(ImportError::of).toList(), null);
    }

    private static ImportedBooking answer(Item item, BookingView v, boolean alreadyImported) {
        return new ImportedBooking(item.uid(), v.bookingId(), ImportStatus.of(v.status()),
                v.conflicts().isEmpty() ? null : ConflictBody.of(v.conflicts()),
                v.violations().isEmpty() ? null : v.violations(), null, alreadyImported ? Boolean.TRUE : null);
    }

    private Optional<BookingView> booking(String bookingId) {
        return queries.query(new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingView.class)).join();
    }
}
