package io.aura.app.security;

import java.util.Optional;

/**
 * Password hashes, beside the views but never in an event: the event store is immutable and read by
 * auditors, so a hash written there could never be taken back. Adapters: {@link SqlCredentialStore}
 * (the embedded default's SQLite database; plain SQL that PostgreSQL runs too) and
 * {@link MongoCredentialStore} (production); one contract test suite holds both to the same behaviour.
 */
public interface CredentialStore {

    /**
     * Claims the name with its hash, atomically: of two creates of one name, however close, exactly
     * one succeeds.
     *
     * @return false if the name already has a credential (the stored hash stays as it was)
     */
    boolean create(String username, String passwordHash);

    Optional<String> passwordHash(String username);

    default boolean exists(String username) {
        return passwordHash(username).isPresent();
    }

    /**
     * Replaces the name's hash, if it has a credential (one it has not stays missing): an erased person's becomes
     * one nobody can match, while the row keeps the name taken (ADR 0046).
     */
    void replace(String username, String passwordHash);

    /** Removes the name's credential, if any. */
    void delete(String username);
}
