package io.aura.app.contention;

import io.aura.app.contention.SharedContentionModel.StoredModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a node takes the stored contention model instead of training (ADR 0055), one rule for the start, the nightly
 * run and an administrator's: a version not forgotten, and younger than {@code maxAge} or stored by another node while
 * this one waited for the lease.
 */
final class StoredOrTrain {
    /** No wait for the lease before asking: only the version's age counts. */
    static final long NOT_WAITED = Long.MAX_VALUE;

    private StoredOrTrain() {}

    /** The version to take, or empty: train. */
    static Optional<StoredModel> stored(Optional<StoredModel> latest, long versionBeforeWaiting, Instant now,
                                        Duration maxAge) {
        return latest.filter(m -> !m.forgotten()
                && (m.version() > versionBeforeWaiting || m.trainedAt().isAfter(now.minus(maxAge))));
    }
}
