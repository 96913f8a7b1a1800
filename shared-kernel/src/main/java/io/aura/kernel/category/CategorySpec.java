package io.aura.kernel.category;

import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.validation.TextPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A booking category an administrator defines (ADR 0040): a name shown on bookings and the colour the calendar
 * paints them in. {@link #violations()} is the one place these rules are checked.
 */
public record CategorySpec(String name, String colour) {
    public static final int MAX_NAME_LENGTH = 60;
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public CategorySpec {
        name = name == null ? null : name.strip();
        colour = colour == null ? null : colour.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** What is wrong with it, by field (the API's names); empty when it may be defined. */
    public List<FieldViolation> violations() {
        List<FieldViolation> out = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            out.add(FieldViolation.of("name", Rule.REQUIRED));
        } else {
            TextPolicy.line("name", name, MAX_NAME_LENGTH).ifPresent(out::add);
        }
        if (colour == null || colour.isEmpty()) {
            out.add(FieldViolation.of("colour", Rule.REQUIRED));
        } else if (!COLOUR.matcher(colour).matches()) {
            out.add(FieldViolation.of("colour", Rule.CATEGORY_COLOUR));
        }
        return out;
    }

    /** Names are compared without regard to case: "Training" and "training" are one category. */
    public static boolean sameName(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }
}
