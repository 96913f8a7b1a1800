package io.aura.app.replay;

import io.aura.query.store.BatchedViewStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds projections in one pass over the event store (ADR 0018): the store is read and each
 * event deserialised once, and every projection's handlers see it in turn, instead of each
 * projection's processor reading and parsing the whole store on its own. The handlers are the very
 * ones the processors run (their invokers), with each event marked as a replay exactly as a reset
 * processor would mark it, so {@code ReplayStatus} and {@code @DisallowReplay} behave the same.
 *
 * <p>Crash order: the processors are reset first (their reset handlers clear the views, their
 * tokens go back to the start) and stay stopped; only when every view write of the pass is durable
 * do their tokens move to the last event read. A crash in between leaves tokens at the start, and
 * the processors rebuild the views on their own after the restart.
 *
 * <p>Kept in one file (about 300 lines) because the crash order above is the whole point: reset,
 * one pass, durable writes, then tokens; split across classes it would be harder to check.
 */
public final class ProjectionRebuild {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    /** Events handled between two bulk sends of the held-back view writes. */
    static final int BATCH = 10_000;

    private final List<StreamingEventProcessor> processors;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    /** The SQL view stores: each thread's writes held back and written per {@link #BATCH} in one transaction. */
    private final List<BatchedViewStore> sqlViews;
    private final TrackingToken head;
    private final long headIndex;
    /** The processor folded on a thread of its own ({@link Lane}). */
    private final String secondLane;
    private volatile long position = -1;
    private volatile long eventsRead;
    private volatile String failure;
    private volatile boolean done;

    public ProjectionRebuild(List<StreamingEventProcessor> processors, EventStore eventStore, TokenStore tokenStore,
                      TransactionManager transactions, List<BatchedViewStore> sqlViews, TrackingToken head,
                      String secondLane) {
        this.sqlViews = List.copyOf(sqlViews);
        this.processors = List.copyOf(processors);
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.head = head;
        this.secondLane = secondLane;
        this.headIndex = head == null ? -1 : head.position().orElse(-1);
    }

    public long position() {
        return position;
    }

    public long eventsRead() {
        return eventsRead;
    }

    public long headIndex() {
        return headIndex;
    }

    public boolean done() {
        return done;
    }

    public String failure() {
        return failure;
    }

    /** Runs the pass on the calling thread; the processors are shut down and reset by the caller. */
    public void run() {
        try {
            long started = System.nanoTime();
            TrackingToken last = fold();
            long folded = System.nanoTime();
            if (last != null) {
                moveTokensTo(last);
            }
            log.info("Rebuilt the views from {} events (up to index {}) in one pass: {} ms reading, folding and "
                            + "writing, {} ms moving the tokens", eventsRead, position, (folded - started) / 1_000_000,
                    (System.nanoTime() - folded) / 1_000_000);
        } catch (RuntimeException e) {
            // tokens stay at the start: the processors rebuild on their own once started
            failure = e.toString();
            log.error("The one-pass rebuild failed; the processors rebuild from the start instead", e);
        } finally {
            processors.forEach(StreamingEventProcessor::start);
            done = true;
        }
    }

    private TrackingToken fold() {
        List<EventHandlerInvoker> here = new ArrayList<>();
        List<EventHandlerInvoker> there = new ArrayList<>();
        for (StreamingEventProcessor processor : processors) {
            EventHandlerInvoker invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
            (processor.getName().equals(secondLane) ? there : here).add(invoker);
        }
        Lane lane = new Lane(there);
        Thread laneThread = new Thread(lane, "projection-rebuild-lane");
        laneThread.setDaemon(true);
        laneThread.start();
        Handlers handlers = new Handlers(here);
        TrackingToken last = null;
        beginRebuild();
        List<TrackedEventMessage<?>> chunk = new ArrayList<>(Lane.CHUNK);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (position < headIndex && stream.hasNextAvailable(2, TimeUnit.SECONDS)) {
                for (int i = 0; i < BATCH && position < headIndex && stream.hasNextAvailable(); i++) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    TrackingToken token = event.trackingToken();
                    // marked as a reset processor marks it: a replay while the head of the store at the reset
                    // covers it (an event committed since, into a gap below that head, is new)
                    TrackingToken replay = head.covers(token) ? new ReplayToken(head, token) : token;
                    TrackedEventMessage<?> replayed = replayed(event, replay);
                    replayed.getPayload(); // deserialised here, once, before the other lane sees it
                    chunk.add(replayed);
                    if (chunk.size() == Lane.CHUNK) {
                        lane.hand(chunk);
                        chunk = new ArrayList<>(Lane.CHUNK);
                    }
                    handlers.handle(replayed);
                    last = token;
                    position = token.position().orElse(position);
                    eventsRead++;
                }
                flush();
            }
            lane.hand(chunk);
            lane.hand(List.of()); // the end
            laneThread.join();
            lane.rethrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a projection failed while rebuilding", e);
        } finally {
            laneThread.interrupt();
            joinQuietly(laneThread); // no late write of the lane may follow the processors' restart
            end();
        }
        return last;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Some projections' handlers; which of them take an event type is asked once per type. */
    private static final class Handlers {
        private final List<EventHandlerInvoker> invokers;
        private final Map<Class<?>, List<EventHandlerInvoker>> takers = new HashMap<>();

        Handlers(List<EventHandlerInvoker> invokers) {
            this.invokers = invokers;
        }

        void handle(TrackedEventMessage<?> event) throws Exception {
            // each invoker still checks the event itself
            for (EventHandlerInvoker invoker : takers.computeIfAbsent(event.getPayloadType(),
                    type -> invokers.stream().filter(i -> i.canHandleType(type)).toList())) {
                invoker.handle(event, Segment.ROOT_SEGMENT);
            }
        }
    }

    /**
     * The projections folded on a second thread (the heaviest one, so the two cores share the work):
     * it takes the events in order, in chunks, from the thread that reads them. Each projection runs on
     * one thread only and writes its own collections, so the two never touch the same document.
     */
    private final class Lane implements Runnable {
        static final int CHUNK = 500;
        private final java.util.concurrent.BlockingQueue<List<TrackedEventMessage<?>>> chunks =
                new java.util.concurrent.ArrayBlockingQueue<>(8);
        private final List<EventHandlerInvoker> invokers;
        private volatile Throwable failure;

        Lane(List<EventHandlerInvoker> invokers) {
            this.invokers = invokers;
        }

        void hand(List<TrackedEventMessage<?>> chunk) throws InterruptedException {
            rethrow();
            if (invokers.isEmpty()) {
                return;
            }
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                rethrow(); // the lane stopped: it takes nothing any more
            }
        }

        void rethrow() {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure != null) {
                throw new IllegalStateException("a projection failed while rebuilding", failure);
            }
        }

        @Override
        public void run() {
            if (invokers.isEmpty()) {
                return;
            }
            Handlers handlers = new Handlers(invokers);
            beginRebuild();
            try {
                int sinceFlush = 0;
                for (List<TrackedEventMessage<?>> chunk = chunks.take(); !chunk.isEmpty(); chunk = chunks.take()) {
                    for (TrackedEventMessage<?> event : chunk) {
                        handlers.handle(event);
                    }
                    sinceFlush += chunk.size();
                    if (sinceFlush >= BATCH) {
                        flush();
                        sinceFlush = 0;
                    }
                }
                flush();
                endSqlViews();
            } catch (Throwable e) {
                failure = e;
                endSqlViews();
            }
        }
    }

    private void moveTokensTo(TrackingToken last) {
        transactions.executeInTransaction(() -> {
            for (StreamingEventProcessor processor : processors) {
                for (int segment : tokenStore.fetchSegments(processor.getName())) {
                    tokenStore.storeToken(last, processor.getName(), segment);
                }
            }
        });
        // storing a token claims it for this node; the processors claim it again as they start
        transactions.executeInTransaction(() -> {
            for (StreamingEventProcessor processor : processors) {
                for (int segment : tokenStore.fetchSegments(processor.getName())) {
                    tokenStore.releaseClaim(processor.getName(), segment);
                }
            }
        });
    }

    /**
     * The event under its replay token. Unlike {@code withTrackingToken}, which reads the timestamp
     * (parsing it from its stored text), the timestamp stays unread until a handler asks for it.
     */
    private static TrackedEventMessage<?> replayed(TrackedEventMessage<?> event, TrackingToken replay) {
        if (event instanceof DomainEventMessage<?> domain) {
            return new GenericTrackedDomainEventMessage<>(replay, domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), domain, domain::getTimestamp);
        }
        return event.withTrackingToken(replay);
    }

    /** This thread's view writes held back until each {@link #flush()}. */
    private void beginRebuild() {
        sqlViews.forEach(BatchedViewStore::beginBatch);
    }

    /** Writes what this thread held back, each store in one transaction. */
    private void flush() {
        sqlViews.forEach(BatchedViewStore::flushBatch);
    }

    private void endSqlViews() {
        sqlViews.forEach(BatchedViewStore::endBatch);
    }

    private void end() {
        endSqlViews();
    }
}
