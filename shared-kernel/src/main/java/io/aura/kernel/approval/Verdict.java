package io.aura.kernel.approval;

/** What an approver answers. */
public enum Verdict {
    APPROVE,
    REJECT
}
