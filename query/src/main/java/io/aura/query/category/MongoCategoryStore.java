package io.aura.query.category;

import io.aura.kernel.category.CategoryQueries.CategoryView;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The category list in MongoDB (production): a document per category. A redelivered event saves the same again. */
public final class MongoCategoryStore implements CategoryStore {
    static final String COLLECTION = "categories";

    private final MongoTemplate mongo;

    public MongoCategoryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<CategoryView> categories() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(MongoCategoryStore::category)
                .sorted(SqlCategoryStore.BY_NAME).toList();
    }

    @Override
    public Optional<CategoryView> category(String categoryId) {
        return Optional.ofNullable(mongo.findById(categoryId, Document.class, COLLECTION))
                .map(MongoCategoryStore::category);
    }

    @Override
    public void save(CategoryView c) {
        mongo.save(new Document("_id", c.categoryId()).append("name", c.name()).append("colour", c.colour()),
                COLLECTION);
    }

    @Override
    public void remove(String categoryId) {
        mongo.remove(Query.query(Criteria.where("_id").is(categoryId)), COLLECTION);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), COLLECTION);
    }

    private static CategoryView category(Document d) {
        return new CategoryView(d.getString("_id"), d.getString("name"), d.getString("colour"));
    }
}
