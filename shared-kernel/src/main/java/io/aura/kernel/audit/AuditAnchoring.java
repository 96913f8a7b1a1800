package io.aura.kernel.audit;

/**
 * Signed digests of the event store for auditors to keep outside the system (ADR 0014): taken now,
 * checked later against what the store then holds up to the same index.
 */
public interface AuditAnchoring {

    record Anchor(AuditLog.Digest digest, String signed) {}

    record Check(boolean unchanged, AuditLog.Digest anchored, AuditLog.Digest now) {}

    /** A signed digest of everything stored so far. */
    Anchor take();

    /** @throws IllegalArgumentException unless {@code signed} is an anchor this server issued */
    Check check(String signed);
}
