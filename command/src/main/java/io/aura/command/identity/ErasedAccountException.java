package io.aura.command.identity;

/** The account was erased (ADR 0046): it stays a pseudonym in the audit and takes no new name, address or role. */
public class ErasedAccountException extends RuntimeException {
    public ErasedAccountException(String username) {
        super("The account '" + username + "' was erased; it can no longer be changed.");
    }
}
