package io.aura.query.identity;

import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserQueries.UserView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * User views in MongoDB (production): one document per user keyed by the username, in the shape the
 * collection always had, with an index on the roles. A redelivered event saves the same document.
 */
public final class MongoUserViewStore implements UserViewStore {
    static final String COLLECTION = "users";

    /**
     * {@code disabled} is absent from documents stored before users could be disabled: they are not;
     * {@code language} from those stored before users could choose one: they chose none.
     */
    record UserDocument(@Id String username, Set<Role> roles, String displayName, String email, Boolean disabled,
                        String language) {
        static UserDocument from(UserView v) {
            return new UserDocument(v.username(), v.roles(), v.displayName(), v.email(), v.disabled(), v.language());
        }

        UserView toView() {
            return new UserView(username, UserViewFold.roles(roles), displayName, email, Boolean.TRUE.equals(disabled),
                    language);
        }
    }

    private final MongoTemplate mongo;

    public MongoUserViewStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("roles", Sort.Direction.ASC).named("roles"));
    }

    @Override
    public Optional<UserView> find(String username) {
        return Optional.ofNullable(mongo.findById(username, UserDocument.class, COLLECTION)).map(UserDocument::toView);
    }

    @Override
    public void save(UserView view) {
        mongo.save(UserDocument.from(view), COLLECTION);
    }

    @Override
    public List<UserView> withRole(Role role) {
        return mongo.find(Query.query(Criteria.where("roles").is(role.name()).and("disabled").ne(true))
                        .with(Sort.by("_id")), UserDocument.class, COLLECTION).stream().map(UserDocument::toView).toList();
    }

    @Override
    public List<UserView> all() {
        return mongo.find(new Query().with(Sort.by("_id")), UserDocument.class, COLLECTION).stream()
                .map(UserDocument::toView).toList();
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), COLLECTION);
    }
}
