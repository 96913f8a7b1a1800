package io.aura.query.identity;

import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.FindUsersWithRole;
import java.util.List;
import io.aura.kernel.identity.UserQueries.UserView;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Who is who and holds which roles; the credential store (password hashes) is kept apart from it. */
@Component
@ProcessingGroup(UserProjection.PROCESSING_GROUP)
public class UserProjection {
    public static final String PROCESSING_GROUP = "users";
    static final String COLLECTION = "users";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter emitter;

    public UserProjection(MongoTemplate mongo, QueryUpdateEmitter emitter) {
        this.mongo = mongo;
        this.emitter = emitter;
    }

    record UserDocument(@Id String username, Set<Role> roles, String displayName, String email) {
        UserView toView() {
            return new UserView(username, roles == null ? Set.of() : Set.copyOf(roles), displayName, email);
        }
    }

    @EventHandler
    void on(UserRegistered event) {
        mongo.save(new UserDocument(event.username(), event.roles(), event.displayName(), event.email()), COLLECTION);
        publish(event.username());
    }

    @EventHandler
    void on(RolesGranted event) {
        // $addToSet keeps a redelivered grant from changing anything.
        Update update = new Update();
        update.addToSet("roles").each(event.roles().stream().map(Role::name).toArray());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.username())), update, COLLECTION);
        publish(event.username());
    }

    private void publish(String username) {
        find(username).ifPresent(view -> emitter.emit(FindUser.class, q -> q.username().equals(username), view));
    }

    /** A replay starts from nothing: the views are rebuilt from the events alone. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    Optional<UserView> handle(FindUser query) {
        return find(query.username());
    }

    @QueryHandler
    List<UserView> handle(FindUsersWithRole query) {
        return mongo.find(Query.query(Criteria.where("roles").is(query.role().name())), UserDocument.class, COLLECTION)
                .stream().map(UserDocument::toView).toList();
    }

    private Optional<UserView> find(String username) {
        UserDocument doc = mongo.findById(username, UserDocument.class, COLLECTION);
        return Optional.ofNullable(doc).map(UserDocument::toView);
    }

}
