package io.aura.app.storage;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

/**
 * Collects a projection batch's writes and sends them as ordered bulk writes when the batch
 * commits, instead of one round trip per write (ADR 0010); documents it knows whole change in
 * memory (ADR 0018). Active only on a thread that an event processor's batch switched on
 * ({@link #begin()}), and only for the view collections named at construction, whose handlers
 * never look at a write's result. Any read, or a write that answers with a document, first sends
 * what is pending, so a handler always reads its own writes. Everything else — queries, outboxes,
 * credentials — goes straight through as before. Only the collection-name overloads the
 * projections use are held back; a view handler must keep to them, as any other write would
 * overtake the waiting ones.
 */
public class WriteBehindMongoTemplate extends MongoTemplate {
    private final Set<String> batchedCollections;
    private final QueryMapper queryMapper;
    private final UpdateMapper updateMapper;
    private final ThreadLocal<Batch> pending = new ThreadLocal<>();
    private final ThreadLocal<java.util.concurrent.CompletableFuture<Void>> inFlight = new ThreadLocal<>();
    private final java.util.concurrent.atomic.AtomicLong heldBack = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong coalesced = new java.util.concurrent.atomic.AtomicLong();

    /**
     * One thread's waiting writes, per collection. A document whose whole state this batch knows —
     * it wrote the document whole, or it knows the document does not exist — is held as that state,
     * and later writes to it in the batch change it in memory ({@link UpdateInMemory}): it goes out as
     * one write at the flush instead of one per event (a booking's request and confirmation, for one).
     * Every other write waits in order. Per document, the waiting writes go out before its held state;
     * a write that reaches several documents (a delete by a filter) first turns the held states before
     * it into writes, so nothing overtakes.
     */
    private static final class Batch {
        final Map<String, Collection> collections = new LinkedHashMap<>();
        /** Set while a rebuild runs: collections it emptied, and the ids written to them since. */
        Map<String, Set<Object>> rebuilt;

        Collection of(String name) {
            return collections.computeIfAbsent(name, n -> new Collection());
        }

        int size() {
            return collections.values().stream().mapToInt(c -> c.writes.size() + c.held.size()).sum();
        }
    }

    private static final class Collection {
        final List<WriteModel<Document>> writes = new ArrayList<>();
        /** id → the document's state ({@link UpdateInMemory#ABSENT} if it does not exist). */
        final Map<Object, Held> held = new LinkedHashMap<>();
    }

    private record Held(Document state, boolean absentBefore) {}

    public WriteBehindMongoTemplate(MongoDatabaseFactory factory, MongoConverter converter,
                                    Set<String> batchedCollections) {
        super(factory, converter);
        this.batchedCollections = Set.copyOf(batchedCollections);
        this.queryMapper = new QueryMapper(converter);
        this.updateMapper = new UpdateMapper(converter);
    }

    /** From now until {@link #flush()} and {@link #end()}, this thread's view writes wait for the batch to commit. */
    public void begin() {
        if (pending.get() == null) {
            pending.set(new Batch());
        }
    }

    /**
     * Like {@link #begin()}, for a rebuild that has just emptied these collections (ADR 0018): until
     * {@link #end()}, a document this thread has not written is known not to exist, so its first
     * write can be held in memory too, and goes out as an insert. Ids written are remembered across
     * flushes, which is what keeps the knowledge true.
     */
    public void beginRebuild(Set<String> emptiedCollections) {
        begin();
        Batch batch = pending.get();
        batch.rebuilt = new java.util.HashMap<>();
        for (String name : emptiedCollections) {
            if (batchedCollections.contains(name)) {
                batch.rebuilt.put(name, new java.util.HashSet<>());
            }
        }
    }

    /**
     * Sends this thread's waiting writes: one ordered bulk write per collection. Collections are
     * independent and every read sends what waits first, so only the order within a collection matters.
     */
    public void flush() {
        awaitInFlight();
        send(takeRuns());
    }

    private void send(Map<String, List<WriteModel<Document>>> runs) {
        runs.forEach((collection, run) -> getCollection(collection).bulkWrite(run, new BulkWriteOptions().ordered(true)));
    }

    /**
     * Like {@link #flush()}, but the bulk writes are encoded and sent on {@code writer} while this
     * thread goes on handling events (a rebuild: reading and folding overlap with the store's work).
     * One send is in flight at a time, in order; the next flush, a read, or {@link #end()} waits for it
     * and fails if it failed.
     */
    public void flushInBackground(java.util.concurrent.Executor writer) {
        awaitInFlight();
        Map<String, List<WriteModel<Document>>> runs = takeRuns();
        if (runs.isEmpty()) {
            return;
        }
        inFlight.set(java.util.concurrent.CompletableFuture.runAsync(() -> send(runs), writer));
    }

    private void awaitInFlight() {
        java.util.concurrent.CompletableFuture<Void> sending = inFlight.get();
        if (sending != null) {
            inFlight.remove();
            try {
                sending.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    /** This thread's waiting writes, held documents last per collection, as ordered runs; none wait after. */
    private Map<String, List<WriteModel<Document>>> takeRuns() {
        Batch batch = pending.get();
        Map<String, List<WriteModel<Document>>> runs = new LinkedHashMap<>();
        if (batch == null) {
            return runs;
        }
        for (Map.Entry<String, Collection> entry : batch.collections.entrySet()) {
            Collection collection = entry.getValue();
            release(batch, entry.getKey(), collection);
            if (!collection.writes.isEmpty()) {
                runs.put(entry.getKey(), new ArrayList<>(collection.writes));
            }
        }
        batch.collections.clear();
        return runs;
    }

    /** The batch ended (committed or rolled back): nothing waits any more on this thread. */
    public void end() {
        try {
            awaitInFlight();
        } finally {
            pending.remove();
        }
    }

    /** Writes waiting on this thread, a held document counting once (for tests and diagnostics). */
    int waiting() {
        Batch batch = pending.get();
        return batch == null ? 0 : batch.size();
    }

    private boolean deferred(String collection) {
        return pending.get() != null && batchedCollections.contains(collection);
    }

    private void defer(String collection, WriteModel<Document> write) {
        pending.get().of(collection).writes.add(write);
        heldBack.incrementAndGet();
    }

    /** The collections whose writes wait for their batch. */
    public Set<String> batchedCollections() {
        return batchedCollections;
    }

    /** Writes held back for a bulk write since start (all threads). */
    public long heldBack() {
        return heldBack.get();
    }

    /** Writes that changed a document held in memory instead of going to the store (all threads). */
    public long coalesced() {
        return coalesced.get();
    }

    // ---- documents held in memory ----

    /** The id when the filter names exactly one document by its id, else null. */
    private static Object singleId(Document filter) {
        if (filter.size() != 1 || !filter.containsKey("_id")) {
            return null;
        }
        Object id = filter.get("_id");
        return id == null || id instanceof Document || id instanceof java.util.regex.Pattern
                || id instanceof org.bson.conversions.Bson || id instanceof java.util.Collection ? null : id;
    }

    /** Whether a rebuild knows the document does not exist (its collection emptied, the id not written since). */
    private static boolean knownAbsent(Batch batch, String collection, Object id) {
        Set<Object> written = batch.rebuilt == null ? null : batch.rebuilt.get(collection);
        return written != null && !written.contains(id);
    }

    private static void written(Batch batch, String collection, Object id) {
        Set<Object> written = batch.rebuilt == null ? null : batch.rebuilt.get(collection);
        if (written != null) {
            written.add(id);
        }
    }

    /** A document's held state becomes a waiting write (before a write the memory cannot take). */
    private static void release(Batch batch, String name, Collection collection, Object id) {
        Held held = collection.held.remove(id);
        if (held == null) {
            return;
        }
        if (held.state() != UpdateInMemory.ABSENT) {
            collection.writes.add(held.absentBefore() ? new InsertOneModel<>(held.state())
                    : new ReplaceOneModel<>(new Document("_id", id), held.state(), new ReplaceOptions().upsert(true)));
            written(batch, name, id);
        }
    }

    private static void release(Batch batch, String name, Collection collection) {
        for (Object id : new ArrayList<>(collection.held.keySet())) {
            release(batch, name, collection, id);
        }
    }

    /** Holds a whole document; false if the batch must send it as a write instead. */
    private boolean holdWhole(String name, Document document) {
        Batch batch = pending.get();
        Object id = document.get("_id");
        if (id == null || singleId(new Document("_id", id)) == null) {
            return false;
        }
        Collection collection = batch.of(name);
        Held before = collection.held.get(id);
        boolean absentBefore = before != null ? before.absentBefore() : knownAbsent(batch, name, id);
        collection.held.put(id, new Held(UpdateInMemory.copy(document), absentBefore));
        heldBack.incrementAndGet();
        return true;
    }

    /** Applies an update to a held (or known missing) document; false if it must wait as a write. */
    private boolean updateHeld(String name, Document filter, Document update, boolean upsert) {
        Batch batch = pending.get();
        Object id = singleId(filter);
        Collection collection = batch.of(name);
        if (id == null) {
            release(batch, name, collection); // it may reach any document: nothing held may wait behind it
            return false;
        }
        Held held = collection.held.get(id);
        if (held == null && !knownAbsent(batch, name, id)) {
            return false;
        }
        Document current = held == null || held.state() == UpdateInMemory.ABSENT ? null : held.state();
        var after = UpdateInMemory.apply(id, current, update, upsert);
        if (after.isEmpty()) {
            release(batch, name, collection, id);
            return false;
        }
        collection.held.put(id, new Held(after.get(), held == null || held.absentBefore()));
        heldBack.incrementAndGet();
        if (held != null) {
            coalesced.incrementAndGet();
        }
        return true;
    }

    /** Before a write the memory cannot take: what is held for its documents goes first. */
    private void releaseFor(String name, Document filter) {
        Batch batch = pending.get();
        Collection collection = batch.of(name);
        Object id = singleId(filter);
        if (id == null) {
            release(batch, name, collection);
        } else {
            release(batch, name, collection, id);
            written(batch, name, id);
        }
    }

    private Document mappedQuery(Query query) {
        return queryMapper.getMappedObject(query.getQueryObject(), (org.springframework.data.mongodb.core.mapping.MongoPersistentEntity<?>) null);
    }

    private Document mappedUpdate(UpdateDefinition update) {
        return updateMapper.getMappedObject(update.getUpdateObject(), (org.springframework.data.mongodb.core.mapping.MongoPersistentEntity<?>) null);
    }

    private Document document(Object object) {
        if (object instanceof Document document) {
            return document;
        }
        Document document = new Document();
        getConverter().write(object, document);
        return document;
    }

    // ---- writes that may wait ----

    @Override
    public <T> T save(T objectToSave, String collectionName) {
        if (deferred(collectionName)) {
            Document document = document(objectToSave);
            Object id = document.get("_id");
            if (id != null) {
                if (!holdWhole(collectionName, document)) {
                    releaseFor(collectionName, new Document("_id", id));
                    defer(collectionName, new ReplaceOneModel<>(new Document("_id", id), document,
                            new ReplaceOptions().upsert(true)));
                }
                return objectToSave;
            }
        }
        flush();
        return super.save(objectToSave, collectionName);
    }

    @Override
    public <T> T insert(T objectToSave, String collectionName) {
        if (deferred(collectionName)) {
            Document document = document(objectToSave);
            Object id = document.get("_id");
            if (id != null) {
                Batch batch = pending.get();
                Held held = batch.of(collectionName).held.get(id);
                boolean missing = held != null ? held.state() == UpdateInMemory.ABSENT
                        : knownAbsent(batch, collectionName, id);
                if (!(missing && holdWhole(collectionName, document))) {
                    // an insert over an existing document fails on the server: it must see it
                    releaseFor(collectionName, new Document("_id", id));
                    defer(collectionName, new InsertOneModel<>(document));
                }
                return objectToSave;
            }
        }
        flush();
        return super.insert(objectToSave, collectionName);
    }

    @Override
    public UpdateResult upsert(Query query, UpdateDefinition update, String collectionName) {
        if (deferred(collectionName)) {
            Document filter = mappedQuery(query);
            Document mapped = mappedUpdate(update);
            if (!updateHeld(collectionName, filter, mapped, true)) {
                Batch batch = pending.get();
                if (batch.rebuilt != null && singleId(filter) == null) {
                    // it may create a document under an id this batch cannot see: nothing is known missing any more
                    batch.rebuilt.remove(collectionName);
                }
                releaseFor(collectionName, filter);
                defer(collectionName, new UpdateOneModel<>(filter, mapped, new UpdateOptions().upsert(true)));
            }
            return UpdateResult.unacknowledged();
        }
        flush();
        return super.upsert(query, update, collectionName);
    }

    @Override
    public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
        if (deferred(collectionName) && query.getSortObject().isEmpty()) {
            Document filter = mappedQuery(query);
            Document mapped = mappedUpdate(update);
            if (!updateHeld(collectionName, filter, mapped, false)) {
                releaseFor(collectionName, filter);
                defer(collectionName, new UpdateOneModel<>(filter, mapped));
            }
            return UpdateResult.unacknowledged();
        }
        flush();
        return super.updateFirst(query, update, collectionName);
    }

    @Override
    public UpdateResult updateMulti(Query query, UpdateDefinition update, String collectionName) {
        if (deferred(collectionName)) {
            Document filter = mappedQuery(query);
            releaseFor(collectionName, filter);
            defer(collectionName, new UpdateManyModel<>(filter, mappedUpdate(update)));
            return UpdateResult.unacknowledged();
        }
        flush();
        return super.updateMulti(query, update, collectionName);
    }

    @Override
    public DeleteResult remove(Query query, String collectionName) {
        if (!deferred(collectionName) && batchedCollections.contains(collectionName)
                && query.getQueryObject().isEmpty() && query.getLimit() == 0 && query.getSkip() == 0) {
            return emptied(collectionName);
        }
        if (deferred(collectionName) && query.getLimit() == 0 && query.getSkip() == 0) {
            Document filter = mappedQuery(query);
            Object id = singleId(filter);
            Batch batch = pending.get();
            Collection collection = batch.of(collectionName);
            Held held = id == null ? null : collection.held.get(id);
            if (id != null && (held != null ? held.absentBefore() : knownAbsent(batch, collectionName, id))) {
                // never stored: forgetting it is the whole removal
                collection.held.put(id, new Held(UpdateInMemory.ABSENT, true));
                heldBack.incrementAndGet();
                return DeleteResult.unacknowledged();
            }
            releaseFor(collectionName, filter);
            if (id != null) {
                collection.held.remove(id);
            }
            defer(collectionName, new DeleteManyModel<>(filter));
            return DeleteResult.unacknowledged();
        }
        flush();
        return super.remove(query, collectionName);
    }

    /**
     * A view emptied whole (a projection's reset): dropped and made again with its indexes, instead of
     * deleting its documents one by one (the in-process server removes each from every index).
     */
    private DeleteResult emptied(String collectionName) {
        flush();
        var collection = getCollection(collectionName);
        long count = collection.countDocuments();
        List<Document> indexes = collection.listIndexes().into(new ArrayList<>());
        collection.drop();
        getDb().createCollection(collectionName);
        for (Document index : indexes) {
            if (!"_id_".equals(index.getString("name"))) {
                Document spec = new Document(index);
                spec.remove("v");
                spec.remove("ns");
                getDb().runCommand(new Document("createIndexes", collectionName).append("indexes", List.of(spec)));
            }
        }
        return DeleteResult.acknowledged(count);
    }

    // ---- everything that reads sends the waiting writes first ----

    @Override
    public <T> List<T> find(Query query, Class<T> entityClass, String collectionName) {
        flush();
        return super.find(query, entityClass, collectionName);
    }

    @Override
    public <T> T findOne(Query query, Class<T> entityClass, String collectionName) {
        flush();
        return super.findOne(query, entityClass, collectionName);
    }

    @Override
    public <T> T findById(Object id, Class<T> entityClass, String collectionName) {
        flush();
        return super.findById(id, entityClass, collectionName);
    }

    @Override
    public <T> List<T> findAll(Class<T> entityClass, String collectionName) {
        flush();
        return super.findAll(entityClass, collectionName);
    }

    @Override
    public long count(Query query, Class<?> entityClass, String collectionName) {
        flush();
        return super.count(query, entityClass, collectionName);
    }

    @Override
    public boolean exists(Query query, Class<?> entityClass, String collectionName) {
        flush();
        return super.exists(query, entityClass, collectionName);
    }

    @Override
    public <T> T findAndModify(Query query, UpdateDefinition update, FindAndModifyOptions options,
                               Class<T> entityClass, String collectionName) {
        flush();
        return super.findAndModify(query, update, options, entityClass, collectionName);
    }
}
