package io.aura.kernel.identity;

public enum Role {
    REQUESTER,
    APPROVER,
    ADMIN,
    AUDITOR
}
