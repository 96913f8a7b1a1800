package io.aura.command.approval;

/** The caller may not decide this approval (HTTP 403). */
public class NotAnApproverException extends RuntimeException {
    public NotAnApproverException(String message) {
        super(message);
    }
}
