package io.aura.app.security;

import io.aura.app.storage.QueryStoreDurability;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Password hashes, in MongoDB next to the projections but never in an event: the event store is
 * immutable and read by auditors, so a hash written there could never be taken back.
 */
@Component
public class CredentialStore {
    static final String COLLECTION = "credentials";

    record Credential(@Id String username, String passwordHash) {}

    private final MongoTemplate mongo;
    private final QueryStoreDurability durability;

    public CredentialStore(MongoTemplate mongo, QueryStoreDurability durability) {
        this.mongo = mongo;
        this.durability = durability;
    }

    /** @return false if the name already has a credential */
    public boolean create(String username, String passwordHash) {
        try {
            mongo.insert(new Credential(username, passwordHash), COLLECTION);
        } catch (DuplicateKeyException e) {
            return false;
        }
        durability.makeDurable();
        return true;
    }

    public Optional<String> passwordHash(String username) {
        return Optional.ofNullable(mongo.findById(username, Credential.class, COLLECTION)).map(Credential::passwordHash);
    }

    public boolean exists(String username) {
        return passwordHash(username).isPresent();
    }

    public void delete(String username) {
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(username)), COLLECTION);
        durability.makeDurable();
    }
}
