package io.aura.app.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.List;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * The in-process MongoDB server's H2 backend, made safe to commit while others write. One
 * MongoDB write touches several MVStore maps (documents, then each index); a commit that runs in
 * between stores half a write, and after a kill -9 the document is gone while its index entry
 * stays (seen here: the view of one event missing although its token had moved past it).
 * Commands share a read lock, a commit takes the write lock, so a commit sees whole writes only.
 */
final class ConsistentH2Backend extends H2Backend {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Commits made, and the highest commit known to be on disk (a sync begun after it has finished). */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong synced = new java.util.concurrent.atomic.AtomicLong();
    private final MVStore store;

    ConsistentH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    /**
     * The server's databases, with their maps opened on {@link ViewStoreTypes} before H2's own code
     * opens them by name (an open map is returned as it is), so keys and documents use our types.
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new TypedH2Database(databaseName);
    }

    /** An inner class: the super constructor opens existing collections before any field of its own is set. */
    private final class TypedH2Database extends H2Database {
        TypedH2Database(String databaseName) {
            super(databaseName, ConsistentH2Backend.this.getMvStore(), ConsistentH2Backend.this.getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String name = ViewStoreTypes.DOCUMENTS_PREFIX + getFullCollectionNamespace(collectionName);
            ConsistentH2Backend.this.getMvStore().openMap(name, ViewStoreTypes.builderFor(name));
            return super.openOrCreateCollection(collectionName, options);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String name = getFullCollectionNamespace(collectionName) + ViewStoreTypes.INDEX_INFIX + indexName;
            ConsistentH2Backend.this.getMvStore().openMap(name, ViewStoreTypes.builderFor(name));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    /** Writes every whole command so far to the file and forces it to disk. */
    void commitDurably() {
        durably(() -> {
        });
    }

    /**
     * Rewrites the live pages of mostly dead chunks so the file shrinks back: H2's background writer
     * would do it, but it is off here (see the MVStore bean). At most {@code bytes} are rewritten per call.
     *
     * @return the share of live data in the file's chunks afterwards, in percent
     */
    int compactDurably(int targetFillRate, int bytes) {
        durably(() -> {
            if (store.getFileStore().getChunksFillRate() < targetFillRate) {
                store.compact(targetFillRate, bytes);
                // a new version even when nothing else changed: chunks the rewrite emptied are freed as it is stored
                store.openMap("aura.compactions").put("last", System.currentTimeMillis());
            }
        });
        return store.isClosed() ? 100 : store.getFileStore().getChunksFillRate();
    }

    /**
     * Runs {@code work} and commits under the write lock, so the commit holds whole MongoDB writes only,
     * then forces the file outside the lock, so writers go on meanwhile. It forces also when this call
     * committed nothing: a commit another thread just made may hold this caller's writes and not be on
     * disk yet — unless a sync that began after that commit has already finished.
     */
    private void durably(Runnable work) {
        long mine;
        lock.writeLock().lock();
        try {
            if (store.isClosed()) {
                return;
            }
            work.run();
            if (store.hasUnsavedChanges()) {
                store.commit();
                commits.incrementAndGet();
            }
            mine = commits.get();
        } finally {
            lock.writeLock().unlock();
        }
        if (synced.get() < mine) {
            makeSynced();
            synced.accumulateAndGet(mine, Math::max);
        }
    }

    private void makeSynced() {
        try {
            store.sync();
        } catch (IllegalStateException closed) {
            if (!store.isClosed()) {
                throw closed;
            }
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return whole(() -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return whole(() -> super.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return whole(() -> super.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        whole(() -> {
            super.dropDatabase(database);
            return null;
        });
    }

    /** Runs one command under the shared lock, so that no commit sees it half done. */
    private <T> T whole(Supplier<T> command) {
        lock.readLock().lock();
        try {
            return command.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
