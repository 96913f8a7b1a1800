package io.aura.app.storage;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Views and tokens live in different stores, so a crash could keep a token that has moved past
 * an event whose view write was lost. Making the views durable just before each token's
 * transaction commits means a token never runs ahead of its views; after a crash a processor at
 * worst handles a few events again, which the idempotent projections absorb.
 */
final class ViewsBeforeTokensTokenStore implements TokenStore {
    private final TokenStore delegate;
    private final QueryStoreDurability views;
    private final WriteBehindMongoTemplate viewWrites;

    ViewsBeforeTokensTokenStore(TokenStore delegate, QueryStoreDurability views, WriteBehindMongoTemplate viewWrites) {
        this.delegate = delegate;
        this.views = views;
        this.viewWrites = viewWrites;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Axon stores the token as a batch starts; it is written as the batch commits instead, after
            // the views are durable, so the batch holds the single SQLite connection only for that write.
            pending(processorName, segment).token = token;
            return;
        }
        views.makeDurable();
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
            // whatever the batch still holds back goes out, the views become durable, then the token moves
            viewWrites.flush();
            views.makeDurable();
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
