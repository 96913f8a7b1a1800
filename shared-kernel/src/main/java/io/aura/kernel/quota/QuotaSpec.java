package io.aura.kernel.quota;

import io.aura.kernel.category.CategorySpec;
import io.aura.kernel.identity.Role;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.validation.TextPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A limit on how much one person may book per week or month. The scope fields narrow it: {@code username}
 * and {@code role} say whose bookings it limits (each person counted on their own), {@code resourceId} and
 * {@code category} which of their bookings count (a category's name, whatever its case; ADR 0040).
 * At least one limit is set; {@link #violations()} is the one
 * place these rules are checked.
 */
public record QuotaSpec(String resourceId, String category, String role, String username, QuotaPeriod period,
                        Integer maxMinutes, Integer maxBookings) {
    public static final int MAX_LIMIT = 1_000_000;
    static final int MAX_TEXT = 200;

    public QuotaSpec {
        resourceId = blankToNull(resourceId);
        category = blankToNull(category);
        role = blankToNull(role);
        username = blankToNull(username);
    }

    /** Does it limit this person (by name or by one of their roles)? */
    public boolean appliesTo(String person, Collection<String> roles) {
        return (username == null || username.equals(person)) && (role == null || roles.contains(role));
    }

    /** Does a booking on this resource, of this category (null: none), count against it? */
    public boolean covers(String bookingResourceId, String bookingCategory) {
        return (resourceId == null || resourceId.equals(bookingResourceId))
                && (category == null || CategorySpec.sameName(category, bookingCategory));
    }

    /** What is wrong with it, by field (the API's names); empty when it may be defined. */
    public List<FieldViolation> violations() {
        List<FieldViolation> out = new ArrayList<>();
        if (period == null) {
            out.add(FieldViolation.of("period", Rule.QUOTA_PERIOD));
        }
        if (maxMinutes == null && maxBookings == null) {
            out.add(FieldViolation.of("maxBookings", Rule.QUOTA_LIMIT_REQUIRED));
        }
        limit("maxMinutes", maxMinutes, out);
        limit("maxBookings", maxBookings, out);
        TextPolicy.line("resourceId", resourceId, MAX_TEXT).ifPresent(out::add);
        TextPolicy.line("category", category, MAX_TEXT).ifPresent(out::add);
        TextPolicy.line("username", username, MAX_TEXT).ifPresent(out::add);
        if (role != null && Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role))) {
            out.add(FieldViolation.of("role", Rule.NOT_A_ROLE, Arrays.toString(Role.values())));
        }
        return out;
    }

    private static void limit(String field, Integer value, List<FieldViolation> out) {
        if (value != null && (value < 1 || value > MAX_LIMIT)) {
            out.add(FieldViolation.of(field, Rule.QUOTA_LIMIT_RANGE, MAX_LIMIT));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The limit of one measure, or null when the quota does not limit it. */
    public Integer limitOf(QuotaMeasure measure) {
        return Objects.requireNonNull(measure) == QuotaMeasure.BOOKINGS ? maxBookings : maxMinutes;
    }
}
