package io.aura.kernel.validation;

import java.util.List;
import java.util.Optional;

/**
 * A reason given for a change (a cancellation, a blackout) stays in the event store for good: one
 * bound for it, checked by the aggregates and, so the field is marked however a command travels, by
 * the API and the UI before they send.
 */
public final class Reasons {
    public static final int MAX_LENGTH = 500;
    /** An approver's comment on a decision: longer than a reason, it may explain a rejection. */
    public static final int MAX_COMMENT_LENGTH = 1000;

    private Reasons() {}

    /** The violation naming {@code reason} when it is too long or holds control characters (the text policy). */
    public static Optional<FieldViolation> tooLong(String reason) {
        return TextPolicy.lines("reason", reason, MAX_LENGTH);
    }

    /** The violation naming {@code comment} when a decision's comment breaks the text policy. */
    public static Optional<FieldViolation> commentTooLong(String comment) {
        return TextPolicy.lines("comment", comment, MAX_COMMENT_LENGTH);
    }

    /** @throws InvalidInputException naming {@code comment} when it breaks the text policy */
    public static void requireBoundedComment(String comment) {
        commentTooLong(comment).ifPresent(v -> {
            throw new InvalidInputException(List.of(v));
        });
    }

    /** @throws InvalidInputException naming {@code reason} when it breaks the text policy */
    public static void requireBounded(String reason) {
        tooLong(reason).ifPresent(v -> {
            throw new InvalidInputException(List.of(v));
        });
    }
}
