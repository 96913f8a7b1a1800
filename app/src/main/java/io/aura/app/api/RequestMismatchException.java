package io.aura.app.api;

/** The request repeats an earlier one's Idempotency-Key with a different body: a 422 problem, nothing done. */
public class RequestMismatchException extends RuntimeException {
    public RequestMismatchException(String detail) {
        super(detail);
    }
}
