package io.aura.kernel.validation;

/**
 * One rule a caller's input broke, named by the JSON field it came from. A message that quotes the
 * input is cut to {@link #MESSAGE_LIMIT} characters: a refusal must not send a megabyte back.
 */
public record FieldViolation(String field, String message) {
    public static final int MESSAGE_LIMIT = 300;

    public FieldViolation {
        if (field != null && field.length() > 100) {
            field = field.substring(0, 100) + "…";
        }
        if (message != null && message.length() > MESSAGE_LIMIT) {
            message = message.substring(0, MESSAGE_LIMIT) + "…";
        }
    }
}
