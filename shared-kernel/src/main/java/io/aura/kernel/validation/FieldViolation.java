package io.aura.kernel.validation;

import java.util.Arrays;
import java.util.List;

/**
 * One rule a caller's input broke, named by the JSON field it came from. A kernel or aggregate rule names its
 * {@link Rule} and the values it quotes, so each entry point can word it in its reader's language; the message
 * is the API's English. A message from a person (an approver's comment) has no rule. A message that quotes the
 * input is cut to {@link #MESSAGE_LIMIT} characters: a refusal must not send a megabyte back.
 */
public record FieldViolation(String field, String message, Rule rule, List<String> arguments) {
    public static final int MESSAGE_LIMIT = 300;

    public FieldViolation {
        if (field != null && field.length() > 100) {
            field = field.substring(0, 100) + "…";
        }
        if (message != null && message.length() > MESSAGE_LIMIT) {
            message = message.substring(0, MESSAGE_LIMIT) + "…";
        }
        // stored before rules were named, or a person's words: no arguments
        arguments = arguments == null ? List.of() : arguments.stream().map(FieldViolation::cut).toList();
    }

    /** A message that names no rule: a person's words, or a text an entry point has already worded. */
    public FieldViolation(String field, String message) {
        this(field, message, null, List.of());
    }

    /** {@code rule} broken by {@code field}; the arguments are the values its message quotes. */
    public static FieldViolation of(String field, Rule rule, Object... arguments) {
        List<String> quoted = Arrays.stream(arguments).map(String::valueOf).map(FieldViolation::cut).toList();
        return new FieldViolation(field, rule.english(quoted), rule, quoted);
    }

    private static String cut(String argument) {
        return argument != null && argument.length() > MESSAGE_LIMIT ? argument.substring(0, MESSAGE_LIMIT) + "…"
                : argument;
    }
}
