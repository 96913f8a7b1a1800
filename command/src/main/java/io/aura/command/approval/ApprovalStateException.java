package io.aura.command.approval;

/** The approval is not in a state that allows this (HTTP 409). */
public class ApprovalStateException extends RuntimeException {
    public ApprovalStateException(String message) {
        super(message);
    }
}
