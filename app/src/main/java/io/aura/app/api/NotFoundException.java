package io.aura.app.api;

/** Nothing by that id (or nothing the caller may see): a 404 problem that says what was looked for. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String detail) {
        super(detail);
    }
}
