package io.aura.app.booking;

import io.aura.kernel.validation.FieldViolation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Parses the contract's times: ISO-8601 instants with an offset ({@code ...+01:00} or {@code ...Z}). */
final class TimeInput {
    private TimeInput() {}

    static Instant parse(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "is required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be an ISO-8601 time with an offset, e.g. 2026-12-01T09:00:00+01:00"));
            return null;
        }
    }
}
