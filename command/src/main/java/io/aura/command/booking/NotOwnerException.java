package io.aura.command.booking;

/** The caller may not change someone else's booking (HTTP 403). */
public class NotOwnerException extends RuntimeException {
    public NotOwnerException(String message) {
        super(message);
    }
}
