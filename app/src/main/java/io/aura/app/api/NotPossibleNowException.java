package io.aura.app.api;

/** The thing exists but is not in a state that allows this: a 409 problem that says why. */
public class NotPossibleNowException extends RuntimeException {
    public NotPossibleNowException(String detail) {
        super(detail);
    }
}
