package io.aura.app.security;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Credentials in MongoDB (production): one document per name, keyed by it, so the insert of a taken name fails. */
public final class MongoCredentialStore implements CredentialStore {
    static final String COLLECTION = "credentials";

    /** The document's shape, as earlier versions wrote it. */
    record Credential(@Id String username, String passwordHash) {}

    private final MongoTemplate mongo;

    public MongoCredentialStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean create(String username, String passwordHash) {
        try {
            mongo.insert(new Credential(username, passwordHash), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return Optional.ofNullable(mongo.findById(username, Credential.class, COLLECTION)).map(Credential::passwordHash);
    }

    @Override
    public void replace(String username, String passwordHash) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(username)),
                new org.springframework.data.mongodb.core.query.Update().set("passwordHash", passwordHash), COLLECTION);
    }

    @Override
    public void delete(String username) {
        mongo.remove(Query.query(Criteria.where("_id").is(username)), COLLECTION);
    }
}
