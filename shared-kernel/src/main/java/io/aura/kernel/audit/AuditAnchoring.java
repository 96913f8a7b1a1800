package io.aura.kernel.audit;

/**
 * Signed digests of the event store for auditors to keep outside the system (ADR 0014): taken now,
 * checked later against what the store then holds up to the same index.
 */
public interface AuditAnchoring {

    record Anchor(AuditLog.Digest digest, String signed) {}

    /**
     * {@code unchanged}: the digest up to the anchor's index is the anchored one <em>and</em> every
     * event up to it still matches its chain hash ({@code firstBreak} names the first that does not).
     * The digest alone covers the stored hashes, not the events: an event altered with its hash left
     * as it was keeps the digest but breaks the chain.
     */
    record Check(boolean unchanged, AuditLog.Digest anchored, AuditLog.Digest now, AuditLog.Break firstBreak) {}

    /** A signed digest of everything stored so far. */
    Anchor take();

    /** @throws IllegalArgumentException unless {@code signed} is an anchor this server issued */
    Check check(String signed);
}
