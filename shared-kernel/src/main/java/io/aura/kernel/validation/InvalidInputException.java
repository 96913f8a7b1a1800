package io.aura.kernel.validation;

import java.util.List;

/** Raised when input breaks domain rules; the HTTP layer turns it into a 400 problem naming the fields. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String summary(List<FieldViolation> violations) {
        StringBuilder sb = new StringBuilder();
        for (FieldViolation v : violations) {
            if (!sb.isEmpty()) sb.append("; ");
            sb.append(v.field()).append(": ").append(v.message());
        }
        return sb.toString();
    }
}
