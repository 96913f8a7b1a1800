package io.aura.kernel.approval;

/** How a verdict reached the approval: the signed-in inbox, an approval token, or an administrator's override. */
public enum DecisionChannel {
    INBOX,
    TOKEN,
    OVERRIDE
}
