package io.aura.app.storage;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a processor batch's token as the batch's transaction commits, not as the batch starts
 * (when Axon stores it): with SQLite's single writing connection taken lazily, a batch then holds
 * that connection only for its last moment — the views it computed and its token, one commit
 * (ADR 0021) — instead of for the whole time its handlers run, which would block commands.
 */
final class TokenWrittenAtCommit implements TokenStore {
    private final TokenStore delegate;

    TokenWrittenAtCommit(TokenStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Axon stores the token as a batch starts; it is written as the batch commits instead
            pending(processorName, segment).token = token;
            return;
        }
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pending(processorName, segment);
            return;
        }
        delegate.extendClaim(processorName, segment);
    }

    private PendingTokenWrite pending(String processorName, int segment) {
        String key = PendingTokenWrite.class.getName() + "/" + processorName + "/" + segment;
        PendingTokenWrite pending = (PendingTokenWrite) TransactionSynchronizationManager.getResource(key);
        if (pending == null) {
            pending = new PendingTokenWrite(key, processorName, segment);
            TransactionSynchronizationManager.bindResource(key, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** A batch's token (or claim) write, made as its transaction commits. */
    private final class PendingTokenWrite implements TransactionSynchronization {
        private final String key;
        private final String processorName;
        private final int segment;
        private TrackingToken token;

        PendingTokenWrite(String key, String processorName, int segment) {
            this.key = key;
            this.processorName = processorName;
            this.segment = segment;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (token == null) {
                delegate.extendClaim(processorName, segment);
                return;
            }
            delegate.storeToken(token, processorName, segment);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
