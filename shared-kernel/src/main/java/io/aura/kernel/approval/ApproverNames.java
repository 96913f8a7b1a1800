package io.aura.kernel.approval;

import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rules for a list of people named as approvers, wherever one is given (a resource, an approval
 * level, a reassignment; API and UI alike): at most {@value #MOST} names, none blank, each a user.
 * Users are looked up only when the list's shape is right, each name once, so a list of thousands is
 * refused before it costs thousands of lookups.
 */
public final class ApproverNames {
    public static final int MOST = 50;

    private ApproverNames() {}

    /** What is wrong with the list's shape, named {@code field}; empty when it may be looked up. */
    public static List<FieldViolation> shape(String field, List<String> names) {
        List<FieldViolation> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        if (names.size() > MOST) {
            out.add(FieldViolation.of(field, Rule.TOO_MANY_NAMES, MOST));
        }
        if (names.stream().anyMatch(n -> n == null || n.isBlank())) {
            out.add(FieldViolation.of(field, Rule.BLANK_NAMES));
        }
        return out;
    }

    /** The shape's violations, or else one for each name that is not a user. */
    public static List<FieldViolation> check(String field, List<String> names, Predicate<String> isUser) {
        List<FieldViolation> out = shape(field, names);
        return out.isEmpty() ? unknown(field, names, isUser) : out;
    }

    /**
     * One violation for each name that is not a user, for a list whose shape is reported elsewhere
     * (a resource's own rules); none while the shape is wrong.
     */
    public static List<FieldViolation> unknown(String field, List<String> names, Predicate<String> isUser) {
        List<FieldViolation> out = new ArrayList<>();
        if (names == null || !shape(field, names).isEmpty()) {
            return out;
        }
        for (String name : new LinkedHashSet<>(names)) {
            if (!isUser.test(name)) {
                out.add(FieldViolation.of(field, Rule.UNKNOWN_USER, name));
            }
        }
        return out;
    }
}
