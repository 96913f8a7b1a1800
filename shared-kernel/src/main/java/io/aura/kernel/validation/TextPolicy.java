package io.aura.kernel.validation;

import java.util.Optional;

/**
 * What any text kept in the event store may hold (API.md "Hardening"): a bounded length, no control
 * characters (a line break only where the text may have lines) and no bidirectional overrides or
 * isolates, which make a title read differently from what it is ("Trojan Source"). One policy for
 * every stored string; each field states its limit.
 */
public final class TextPolicy {
    private TextPolicy() {}

    /** A one-line text: a title, a name, a reason. */
    public static Optional<FieldViolation> line(String field, String value, int maxLength) {
        return check(field, value, maxLength, false);
    }

    /** A text that may have lines: a description. */
    public static Optional<FieldViolation> lines(String field, String value, int maxLength) {
        return check(field, value, maxLength, true);
    }

    private static Optional<FieldViolation> check(String field, String value, int maxLength, boolean multiLine) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            return Optional.of(FieldViolation.of(field, Rule.TOO_LONG, maxLength));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c)) {
                return Optional.of(FieldViolation.of(field,
                        multiLine ? Rule.CONTROL_CHARACTERS : Rule.CONTROL_CHARACTERS_OR_LINE_BREAKS));
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return Optional.of(FieldViolation.of(field, Rule.BIDIRECTIONAL_OVERRIDES));
            }
        }
        return Optional.empty();
    }
}
