package io.aura.app.api.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aura.app.api.TimeInput;
import io.aura.kernel.booking.BookingRequest;
import io.aura.kernel.booking.BookingRequestRules;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking API's request bodies (API.md "Events") and how they are read into the kernel's
 * {@link BookingRequest}: only what the JSON cannot say by itself (formats, an unknown policy, a wrong
 * type) is reported here; every rule about the request is {@link BookingRequestRules}'.
 */
public final class BookingInput {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BookingInput() {}

    /**
     * {@code private} (absent: as the resource says) and {@code category} (a name from the category list): ADR 0040;
     * left out of the idempotency fingerprint when absent, so a key stored before them still matches.
     */
    public record CreateBooking(String title, String resourceId, String start, String end, JsonNode attendees,
                                String description, String recurrence, String conflictPolicy,
                                @JsonProperty("private") @JsonInclude(JsonInclude.Include.NON_NULL)
                                Boolean privateBooking,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String category) {}

    public record Reschedule(String start, String end) {}

    /** {@code occurrenceStart} cancels one occurrence of a series; without it the whole booking is cancelled. */
    public record CancelRequest(String reason, String occurrenceStart) {}

    /** The request {@code body} asks for, with what could not be read added to {@code unreadable}. */
    static BookingRequest read(CreateBooking body, String requester, List<FieldViolation> unreadable) {
        ConflictPolicy policy = null;
        if (body.conflictPolicy() != null) {
            try {
                policy = ConflictPolicy.valueOf(body.conflictPolicy());
            } catch (IllegalArgumentException e) {
                unreadable.add(new FieldViolation("conflictPolicy", "must be ALL_OR_NOTHING or SKIP_CONFLICTS"));
            }
        }
        List<String> attendeeNames = new ArrayList<>();
        int attendees = attendees(body.attendees(), attendeeNames, unreadable);
        TimeRange range = TimeInput.range(body.start(), body.end(), unreadable);
        return new BookingRequest(body.title(), body.resourceId(), range, body.recurrence(), policy, attendees,
                attendeeNames, body.description(), requester, body.privateBooking(), body.category());
    }

    /** A digest of what {@code body} asks for, to tell a retried request from another one under the same key. */
    static String fingerprint(CreateBooking body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A number (0 to the kernel's limit) or a list of names or e-mails, as API.md allows. */
    private static int attendees(JsonNode node, List<String> names, List<FieldViolation> violations) {
        if (node == null || node.isNull()) {
            return 1;
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= 0
                && node.asInt() <= BookingRequestRules.MAX_ATTENDEES) {
            return node.asInt();
        }
        if (node.isArray()) {
            for (JsonNode name : node) {
                if (!name.isString() || name.asString().isBlank()) {
                    violations.add(new FieldViolation("attendees", "must be a number or a list of names or e-mails"));
                    return 1;
                }
                names.add(name.asString());
            }
            return Math.max(1, names.size());
        }
        violations.add(new FieldViolation("attendees", "must be a number (0 to " + BookingRequestRules.MAX_ATTENDEES
                + ") or a list of names or e-mails"));
        return 1;
    }
}
