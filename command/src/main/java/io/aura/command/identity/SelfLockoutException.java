package io.aura.command.identity;

/** An administrator tried to revoke their own ADMIN role or disable themselves (HTTP 409). */
public class SelfLockoutException extends RuntimeException {
    public SelfLockoutException(String message) {
        super(message);
    }
}
