package io.aura.app.migration;

import io.aura.app.storage.WriterFirst;
import java.time.Duration;
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
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data directory of a release whose booking saga was a tracking processor (before ADR 0057) may hold requests that
 * saga had not handled yet when it stopped: the saga now runs where an event is published, so it would never see
 * them, and they would stay undecided. Once, at start, the events from that processor's stored position up to the
 * head as it was before anything could be published (taken when this is built, before Axon starts) are handed to the
 * saga as its processor did, each with its new position in one transaction; then the position is deleted. Events
 * after that head are the subscribing saga's, so none is handled twice.
 */
public final class BookingSagaCatchUp {
    public static final String PROCESSOR = "BookingSagaProcessor";
    private static final Logger log = LoggerFactory.getLogger(BookingSagaCatchUp.class);
    /** How long a claim left by a process killed while catching up may take to expire (Axon's default is 10 s). */
    private static final Duration CLAIM_PATIENCE = Duration.ofSeconds(15);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final Iterable<CorrelationDataProvider> correlation;
    /** The last event stored before this release could publish any: the end of the catch-up. */
    private final long headAtStart;

    public BookingSagaCatchUp(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                              TransactionManager transactions, WriterFirst writerFirst,
                              Iterable<CorrelationDataProvider> correlation) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = writerFirst.around(transactions);
        this.correlation = correlation;
        TrackingToken head = eventStore.createHeadToken();
        this.headAtStart = head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * @return how many events were handed to the saga (0: no stored position, or nothing after it). A failure leaves
     *     the position where the last event handled put it, for the next start; the application runs on.
     */
    public int catchUpIfBehind() {
        try {
            return catchUp();
        } catch (RuntimeException e) {
            log.error("The booking saga could not catch up with the events its tracking processor had not handled; "
                    + "the next start tries again from where it stopped", e);
            return 0;
        }
    }

    private int catchUp() {
        var saga = processing.eventProcessor(PROCESSOR, SubscribingEventProcessor.class);
        if (saga.isEmpty() || tokenStore.fetchSegments(PROCESSOR).length == 0) {
            return 0;
        }
        TrackingToken from = claim();
        int handled = 0;
        long reached = from == null ? -1 : from.position().orElse(-1);
        if (reached < headAtStart) {
            var invoker = ((AbstractEventProcessor) saga.get()).eventHandlerInvoker();
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
                // every event up to the head at start was committed before this release published anything
                while (reached < headAtStart && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    reached = event.trackingToken().position().orElse(reached);
                    if (reached > headAtStart) {
                        break;
                    }
                    handle(invoker, event);
                    handled++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while catching the booking saga up", e);
            }
        }
        if (reached < headAtStart) {
            transactions.executeInTransaction(() -> tokenStore.releaseClaim(PROCESSOR, 0));
            log.warn("The booking saga caught up to index {} of {} only; the next start goes on from there", reached,
                    headAtStart);
            return handled;
        }
        transactions.executeInTransaction(() -> tokenStore.deleteToken(PROCESSOR, 0));
        log.info("The booking saga caught up with {} events stored before it decided in the request's thread; its "
                + "tracking position is deleted", handled);
        return handled;
    }

    /** The stored position, claimed for this node; a claim left by a killed process is waited out. */
    private TrackingToken claim() {
        long until = System.nanoTime() + CLAIM_PATIENCE.toNanos();
        while (true) {
            try {
                return transactions.fetchInTransaction(() -> tokenStore.fetchToken(PROCESSOR, 0));
            } catch (UnableToClaimTokenException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * One event in a unit of work of its own, with its position, as the tracking processor handled it. A handler
     * that fails is logged and passed over, as the processor's default error handler did.
     */
    private void handle(org.axonframework.eventhandling.EventHandlerInvoker invoker, TrackedEventMessage<?> event) {
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.attachTransaction(transactions);
        correlation.forEach(unitOfWork::registerCorrelationDataProvider);
        unitOfWork.execute(() -> {
            try {
                if (invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                    invoker.handle(event, Segment.ROOT_SEGMENT);
                }
            } catch (Exception e) {
                log.error("The booking saga failed on event {} while catching up; passed over", event.getIdentifier(),
                        e);
            }
            tokenStore.storeToken(event.trackingToken(), PROCESSOR, 0);
        });
    }
}
