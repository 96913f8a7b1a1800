package io.aura.query.category;

import io.aura.kernel.category.CategoryQueries.CategoryView;
import io.aura.query.store.SqlViewStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The category list in SQL, beside the event store (ADR 0021, 0040): a row per category. Writes go through the
 * writing data source in the transaction of the processor batch that computed them (with its token); reads
 * through {@code reader}, overlaid with what the running batch holds (a removed category held as null).
 */
public final class SqlCategoryStore extends SqlViewStore<CategoryView> implements CategoryStore {
    static final Comparator<CategoryView> BY_NAME = Comparator
            .comparing((CategoryView c) -> c.name().toLowerCase(Locale.ROOT)).thenComparing(CategoryView::categoryId);

    public SqlCategoryStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    /** Creates the table when it is missing. */
    public SqlCategoryStore createSchema() {
        transaction.executeWithoutResult(s -> writer.execute("CREATE TABLE IF NOT EXISTS category_view "
                + "(category_id VARCHAR(100) PRIMARY KEY, name VARCHAR(200) NOT NULL, colour VARCHAR(7) NOT NULL)"));
        return this;
    }

    @Override
    public List<CategoryView> categories() {
        Map<String, CategoryView> all = new LinkedHashMap<>();
        reader.query("SELECT category_id, name, colour FROM category_view", SqlCategoryStore::row)
                .forEach(c -> all.put(c.categoryId(), c));
        Map<String, CategoryView> batch = pending.peek();
        if (batch != null) {
            all.putAll(batch);
        }
        return all.values().stream().filter(Objects::nonNull).sorted(BY_NAME).toList();
    }

    @Override
    public Optional<CategoryView> category(String categoryId) {
        Map<String, CategoryView> batch = pending.peek();
        if (batch != null && batch.containsKey(categoryId)) {
            return Optional.ofNullable(batch.get(categoryId));
        }
        return reader.query("SELECT category_id, name, colour FROM category_view WHERE category_id = ?",
                SqlCategoryStore::row, categoryId).stream().findFirst();
    }

    @Override
    public void save(CategoryView category) {
        hold(category.categoryId(), category);
    }

    @Override
    public void remove(String categoryId) {
        hold(categoryId, null);
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> writer.update("DELETE FROM category_view"));
    }

    private void hold(String categoryId, CategoryView value) {
        Map<String, CategoryView> batch = pending.open();
        if (batch == null) {
            Map<String, CategoryView> one = new LinkedHashMap<>();
            one.put(categoryId, value);
            writeBatch(one);
        } else {
            batch.put(categoryId, value);
        }
    }

    @Override
    protected void writeBatch(Map<String, CategoryView> batch) {
        transaction.executeWithoutResult(s -> batch.forEach((categoryId, value) -> {
            writer.update("DELETE FROM category_view WHERE category_id = ?", categoryId);
            if (value != null) {
                writer.update("INSERT INTO category_view (category_id, name, colour) VALUES (?, ?, ?)",
                        value.categoryId(), value.name(), value.colour());
            }
        }));
    }

    private static CategoryView row(ResultSet rs, int n) throws SQLException {
        return new CategoryView(rs.getString("category_id"), rs.getString("name"), rs.getString("colour"));
    }
}
