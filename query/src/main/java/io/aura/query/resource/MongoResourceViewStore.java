package io.aura.query.resource;

import io.aura.kernel.resource.ResourceQueries.ResourceView;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Resource views in MongoDB (production): one document per resource keyed by its id, in the shape
 * the collection always had. A redelivered event saves the same document again.
 */
public final class MongoResourceViewStore implements ResourceViewStore {
    static final String COLLECTION = "resources";

    private final MongoTemplate mongo;

    public MongoResourceViewStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<ResourceView> find(String resourceId) {
        return Optional.ofNullable(mongo.findById(resourceId, ResourceDocument.class, COLLECTION))
                .map(ResourceDocument::toView);
    }

    @Override
    public void save(ResourceView view) {
        mongo.save(ResourceDocument.from(view), COLLECTION);
    }

    @Override
    public List<ResourceView> all() {
        return mongo.find(new Query().with(Sort.by("name", "_id")), ResourceDocument.class, COLLECTION).stream()
                .map(ResourceDocument::toView).toList();
    }

    @Override
    public List<ResourceView> seating(int attendees, String excludedResourceId) {
        Criteria criteria = Criteria.where("capacity").gte(attendees).and("retired").ne(true);
        if (excludedResourceId != null) {
            criteria = criteria.and("_id").ne(excludedResourceId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("capacity", "_id")), ResourceDocument.class, COLLECTION)
                .stream().map(ResourceDocument::toView).toList();
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), COLLECTION);
    }
}
