package io.aura.app.api;

/** The caller is known but may not see or do this: a 403 problem that says who may. */
public class NotAllowedException extends RuntimeException {
    public NotAllowedException(String detail) {
        super(detail);
    }
}
