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
import java.util.List;
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
 * commits, instead of one round trip per write (ADR 0010). Active only on a thread that an event
 * processor's batch switched on ({@link #begin()}), and only for the view collections named at
 * construction, whose handlers never look at a write's result. Any read, or a write that answers
 * with a document, first sends what is pending, so a handler always reads its own writes.
 * Everything else — queries, outboxes, credentials — goes straight through as before. Only the
 * collection-name overloads the projections use are held back; a view handler must keep to them, as
 * any other write would overtake the waiting ones.
 */
public class WriteBehindMongoTemplate extends MongoTemplate {
    private final Set<String> batchedCollections;
    private final QueryMapper queryMapper;
    private final UpdateMapper updateMapper;
    private final ThreadLocal<List<Pending>> pending = new ThreadLocal<>();
    private final java.util.concurrent.atomic.AtomicLong heldBack = new java.util.concurrent.atomic.AtomicLong();

    private record Pending(String collection, WriteModel<Document> write) {}

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
            pending.set(new ArrayList<>());
        }
    }

    /**
     * Sends this thread's waiting writes: one ordered bulk write per collection, each in the order the
     * handlers wrote. Collections are independent and every read sends what waits first, so only the
     * order within a collection matters.
     */
    public void flush() {
        List<Pending> writes = pending.get();
        if (writes == null || writes.isEmpty()) {
            return;
        }
        java.util.Map<String, List<WriteModel<Document>>> byCollection = new java.util.LinkedHashMap<>();
        for (Pending write : writes) {
            byCollection.computeIfAbsent(write.collection(), c -> new ArrayList<>()).add(write.write());
        }
        writes.clear();
        byCollection.forEach((collection, run) ->
                getCollection(collection).bulkWrite(run, new BulkWriteOptions().ordered(true)));
    }

    /** The batch ended (committed or rolled back): nothing waits any more on this thread. */
    public void end() {
        pending.remove();
    }

    /** Writes waiting on this thread (for tests and diagnostics). */
    int waiting() {
        List<Pending> writes = pending.get();
        return writes == null ? 0 : writes.size();
    }

    private boolean deferred(String collection) {
        return pending.get() != null && batchedCollections.contains(collection);
    }

    private void defer(String collection, WriteModel<Document> write) {
        pending.get().add(new Pending(collection, write));
        heldBack.incrementAndGet();
    }

    /** Writes held back for a bulk write since start (all threads). */
    public long heldBack() {
        return heldBack.get();
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
                defer(collectionName, new ReplaceOneModel<>(new Document("_id", id), document,
                        new ReplaceOptions().upsert(true)));
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
            if (document.get("_id") != null) {
                defer(collectionName, new InsertOneModel<>(document));
                return objectToSave;
            }
        }
        flush();
        return super.insert(objectToSave, collectionName);
    }

    @Override
    public UpdateResult upsert(Query query, UpdateDefinition update, String collectionName) {
        if (deferred(collectionName)) {
            defer(collectionName, new UpdateOneModel<>(mappedQuery(query), mappedUpdate(update),
                    new UpdateOptions().upsert(true)));
            return UpdateResult.unacknowledged();
        }
        flush();
        return super.upsert(query, update, collectionName);
    }

    @Override
    public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
        if (deferred(collectionName) && query.getSortObject().isEmpty()) {
            defer(collectionName, new UpdateOneModel<>(mappedQuery(query), mappedUpdate(update)));
            return UpdateResult.unacknowledged();
        }
        flush();
        return super.updateFirst(query, update, collectionName);
    }

    @Override
    public UpdateResult updateMulti(Query query, UpdateDefinition update, String collectionName) {
        if (deferred(collectionName)) {
            defer(collectionName, new UpdateManyModel<>(mappedQuery(query), mappedUpdate(update)));
            return UpdateResult.unacknowledged();
        }
        flush();
        return super.updateMulti(query, update, collectionName);
    }

    @Override
    public DeleteResult remove(Query query, String collectionName) {
        if (deferred(collectionName) && query.getLimit() == 0 && query.getSkip() == 0) {
            defer(collectionName, new DeleteManyModel<>(mappedQuery(query)));
            return DeleteResult.unacknowledged();
        }
        flush();
        return super.remove(query, collectionName);
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
