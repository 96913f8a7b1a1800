package io.aura.app.migration;

import io.aura.app.storage.WriterFirst;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data directory of a release whose booking saga was a tracking processor (before ADR 0057) may hold requests that
 * saga had not handled yet when it stopped: the saga now runs where an event is published, so it would never see
 * them, and they would stay undecided. Once, at start, the events from that processor's stored position to the head
 * are handed to the saga as its processor did, each with its new position in one transaction; then the position is
 * deleted, and the saga sees only what is published.
 */
public final class BookingSagaCatchUp {
    public static final String PROCESSOR = "BookingSagaProcessor";
    private static final Logger log = LoggerFactory.getLogger(BookingSagaCatchUp.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final Iterable<CorrelationDataProvider> correlation;

    public BookingSagaCatchUp(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                              TransactionManager transactions, WriterFirst writerFirst,
                              Iterable<CorrelationDataProvider> correlation) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = writerFirst.around(transactions);
        this.correlation = correlation;
    }

    /** @return how many events were handed to the saga (0: there was no stored position, nothing to do) */
    public int catchUpIfBehind() {
        var saga = processing.eventProcessor(PROCESSOR, SubscribingEventProcessor.class);
        if (saga.isEmpty() || tokenStore.fetchSegments(PROCESSOR).length == 0) {
            return 0;
        }
        TrackingToken from = transactions.fetchInTransaction(() -> tokenStore.fetchToken(PROCESSOR, 0));
        long head = eventStore.createHeadToken() == null ? -1 : eventStore.createHeadToken().position().orElse(-1);
        int handled = 0;
        var invoker = ((AbstractEventProcessor) saga.get()).eventHandlerInvoker();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
            while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
                unitOfWork.attachTransaction(transactions);
                correlation.forEach(unitOfWork::registerCorrelationDataProvider);
                unitOfWork.execute(() -> {
                    try {
                        if (invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                            invoker.handle(event, Segment.ROOT_SEGMENT);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException("the booking saga failed on " + event.getIdentifier(), e);
                    }
                    tokenStore.storeToken(event.trackingToken(), PROCESSOR, 0);
                });
                handled++;
                if (event.trackingToken().position().orElse(-1) >= head) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while catching the booking saga up", e);
        }
        transactions.executeInTransaction(() -> tokenStore.deleteToken(PROCESSOR, 0));
        log.info("The booking saga caught up with {} events stored before it decided in the request's thread; its "
                + "tracking position is deleted", handled);
        return handled;
    }
}
