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
        // Axon writes the token before the batch's handlers run; what matters is that the views are
        // durable before the token's transaction commits, so hook into that commit.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // whatever the batch still holds back goes out before the views are made durable
                    viewWrites.flush();
                    views.makeDurable();
                }
            });
        } else {
            views.makeDurable();
        }
        delegate.storeToken(token, processorName, segment);
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
    public void extendClaim(String processorName, int segment) {
        delegate.extendClaim(processorName, segment);
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
