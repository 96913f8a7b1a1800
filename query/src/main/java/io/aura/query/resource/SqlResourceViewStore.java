package io.aura.query.resource;

import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.query.store.SqlViewStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resource views in SQL, beside the event store (ADR 0021): a row per resource holding its view as
 * JSON (a {@link ResourceDocument}), with the columns the lists sort and filter on (name; capacity) indexed.
 *
 * <p>Writes go through the writing data source, in the transaction of the processor batch that
 * computed them (with its token); reads through {@code reader}. Plain SQL that SQLite and
 * PostgreSQL both run.
 */
public final class SqlResourceViewStore extends SqlViewStore<ResourceView> implements ResourceViewStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();


    public SqlResourceViewStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    /** Creates the table and its indexes when they are missing. */
    public SqlResourceViewStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS resource_view (resource_id VARCHAR(100) PRIMARY KEY, "
                    + "name TEXT NOT NULL, capacity INTEGER NOT NULL, doc TEXT NOT NULL)");
            writer.execute("CREATE INDEX IF NOT EXISTS resource_view_name ON resource_view (name, resource_id)");
            writer.execute("CREATE INDEX IF NOT EXISTS resource_view_capacity ON resource_view (capacity, resource_id)");
        });
        return this;
    }

    @Override
    public Optional<ResourceView> find(String resourceId) {
        Map<String, ResourceView> batch = pending.peek();
        if (batch != null && batch.containsKey(resourceId)) {
            return Optional.ofNullable(batch.get(resourceId));
        }
        List<String> docs = reader.queryForList("SELECT doc FROM resource_view WHERE resource_id = ?", String.class,
                resourceId);
        return docs.isEmpty() ? Optional.empty() : Optional.of(read(docs.get(0)));
    }

    @Override
    public void save(ResourceView view) {
        Map<String, ResourceView> batch = pending.open();
        if (batch == null) {
            write(List.of(view));
        } else {
            batch.put(view.id(), view);
        }
    }

    @Override
    public List<ResourceView> all() {
        return reader.queryForList("SELECT doc FROM resource_view ORDER BY name, resource_id", String.class).stream()
                .map(SqlResourceViewStore::read).toList();
    }

    @Override
    public List<ResourceView> seating(int attendees, String excludedResourceId) {
        // retired ones are left out after reading: they are few, and the row keeps the columns it always had
        if (excludedResourceId == null) {
            return reader.queryForList("SELECT doc FROM resource_view WHERE capacity >= ? ORDER BY capacity, resource_id",
                    String.class, attendees).stream().map(SqlResourceViewStore::read).filter(v -> !v.retired()).toList();
        }
        return reader.queryForList("SELECT doc FROM resource_view WHERE capacity >= ? AND resource_id <> ? "
                + "ORDER BY capacity, resource_id", String.class, attendees, excludedResourceId).stream()
                .map(SqlResourceViewStore::read).filter(v -> !v.retired()).toList();
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> writer.update("DELETE FROM resource_view"));
    }

    private static ResourceView read(String doc) {
        return JSON.readValue(doc, ResourceDocument.class).toView();
    }

    /** Upserts the views in one transaction (the caller's when it has one). */
    private void write(Collection<ResourceView> views) {
        List<Object[]> rows = new ArrayList<>(views.size());
        for (ResourceView v : views) {
            rows.add(new Object[] {v.id(), v.spec().name(), v.spec().capacity(),
                    JSON.writeValueAsString(ResourceDocument.from(v))});
        }
        transaction.executeWithoutResult(s -> writer.batchUpdate("INSERT INTO resource_view (resource_id, name, "
                + "capacity, doc) VALUES (?, ?, ?, ?) ON CONFLICT (resource_id) DO UPDATE SET name = excluded.name, "
                + "capacity = excluded.capacity, doc = excluded.doc", rows));
    }

    @Override
    protected void writeBatch(java.util.Map<String, ResourceView> batch) {
        write(batch.values());
    }
}
