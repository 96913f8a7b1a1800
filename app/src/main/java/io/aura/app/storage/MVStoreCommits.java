package io.aura.app.storage;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Commits the embedded query store's file: on demand (before a tracking token is stored, after a
 * credential is written) and once a second for anything else. Each commit holds whole MongoDB
 * writes only (see {@link ConsistentH2Backend}) and is forced to disk.
 */
final class MVStoreCommits implements QueryStoreDurability {
    private final ConsistentH2Backend backend;

    MVStoreCommits(ConsistentH2Backend backend) {
        this.backend = backend;
    }

    @Override
    public void makeDurable() {
        backend.commitDurably();
    }

    @Scheduled(fixedDelay = 1000)
    public void commitPeriodically() {
        makeDurable();
    }
}
