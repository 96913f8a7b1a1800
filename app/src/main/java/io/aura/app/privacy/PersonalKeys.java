package io.aura.app.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * One data key per person (ADR 0046), kept outside the event store: in its own database (the embedded default: the
 * file {@code keys/personal-keys.db} beside the event store's, so a copy of the event store holds no key), each key
 * wrapped with the {@link MasterKey}. Erasing a person deletes their key and leaves a tombstone, so nothing new is
 * ever encrypted for them again. Keys are cached for a minute: another node sees an erasure within that time.
 */
public final class PersonalKeys implements AutoCloseable {
    /** A person's data key and the id the ciphertexts made with it name. */
    public record DataKey(String keyId, SecretKey key) {}

    private static final Duration CACHE_TIME = Duration.ofMinutes(1);

    private record Cached<T>(Optional<T> value, Instant loaded) {}

    private final DataSource dataSource;
    private final MasterKey masterKey;
    private final Clock clock;
    private final Map<String, Cached<DataKey>> bySubject = new ConcurrentHashMap<>();
    private final Map<String, Cached<SecretKey>> byId = new ConcurrentHashMap<>();

    public PersonalKeys(DataSource dataSource, MasterKey masterKey) {
        this(dataSource, masterKey, Clock.systemUTC());
    }

    PersonalKeys(DataSource dataSource, MasterKey masterKey, Clock clock) {
        this.dataSource = dataSource;
        this.masterKey = masterKey;
        this.clock = clock;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS personal_key (key_id VARCHAR(64) PRIMARY KEY, "
                    + "subject VARCHAR(256) NOT NULL UNIQUE, wrapped_key VARCHAR(256), created_at VARCHAR(40) NOT NULL, "
                    + "erased_at VARCHAR(40))");
        } catch (SQLException e) {
            throw new IllegalStateException("the personal key store cannot be opened", e);
        }
    }

    /** The subject's key, made on first use; empty once the subject is erased. */
    public Optional<DataKey> keyFor(String subject) {
        Cached<DataKey> cached = bySubject.get(subject);
        if (cached != null && fresh(cached)) {
            return cached.value();
        }
        Optional<DataKey> key = loadBySubject(subject).orElseGet(() -> create(subject));
        bySubject.put(subject, new Cached<>(key, clock.instant()));
        key.ifPresent(k -> byId.put(k.keyId(), new Cached<>(Optional.of(k.key()), clock.instant())));
        return key;
    }

    /** The key with this id; empty when it was erased (or never existed). */
    public Optional<SecretKey> find(String keyId) {
        Cached<SecretKey> cached = byId.get(keyId);
        if (cached != null && (cached.value().isEmpty() || fresh(cached))) {
            // an id once gone never comes back (ids are random), so "gone" is cached for good
            return cached.value();
        }
        Optional<SecretKey> key = loadById(keyId);
        byId.put(keyId, new Cached<>(key, clock.instant()));
        return key;
    }

    /** Deletes the subject's key for good (a tombstone stays); true when there was one to delete. */
    public boolean erase(String subject) {
        boolean erased;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE personal_key SET wrapped_key = NULL, erased_at = ? WHERE subject = ? AND erased_at IS NULL")) {
                update.setString(1, clock.instant().toString());
                update.setString(2, subject);
                erased = update.executeUpdate() > 0;
            }
            if (!erased) { // nothing was ever encrypted for them: the tombstone still keeps anything from being
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO personal_key (key_id, subject, "
                        + "wrapped_key, created_at, erased_at) VALUES (?, ?, NULL, ?, ?) ON CONFLICT DO NOTHING")) {
                    String now = clock.instant().toString();
                    insert.setString(1, newKeyId());
                    insert.setString(2, subject);
                    insert.setString(3, now);
                    insert.setString(4, now);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the personal key store is not available", e);
        }
        Cached<DataKey> cached = bySubject.remove(subject);
        if (cached != null) {
            cached.value().ifPresent(k -> byId.put(k.keyId(), new Cached<>(Optional.empty(), clock.instant())));
        }
        bySubject.put(subject, new Cached<>(Optional.empty(), clock.instant()));
        return erased;
    }

    @Override
    public void close() throws Exception {
        if (dataSource instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private boolean fresh(Cached<?> cached) {
        return cached.loaded().plus(CACHE_TIME).isAfter(clock.instant());
    }

    /** Empty: no row; a row: its key, or empty for a tombstone. */
    private Optional<Optional<DataKey>> loadBySubject(String subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT key_id, wrapped_key FROM personal_key WHERE subject = ?")) {
            select.setString(1, subject);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String keyId = rs.getString(1);
                String wrapped = rs.getString(2);
                return Optional.of(wrapped == null ? Optional.empty()
                        : Optional.of(new DataKey(keyId, unwrap(keyId, wrapped))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the personal key store is not available", e);
        }
    }

    private Optional<DataKey> create(String subject) {
        String keyId = newKeyId();
        byte[] key = Aead.randomKeyBytes();
        String wrapped = Base64.getEncoder().encodeToString(masterKey.seal(key, keyId.getBytes(StandardCharsets.UTF_8)));
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO personal_key (key_id, subject, wrapped_key, "
                     + "created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, keyId);
            insert.setString(2, subject);
            insert.setString(3, wrapped);
            insert.setString(4, clock.instant().toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the personal key store is not available", e);
        }
        // whoever inserted first (this thread, another, another node) made the subject's one key
        return loadBySubject(subject).orElseThrow(() -> new IllegalStateException("a key just made is not there"));
    }

    private Optional<SecretKey> loadById(String keyId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT wrapped_key FROM personal_key WHERE key_id = ?")) {
            select.setString(1, keyId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(unwrap(keyId, rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the personal key store is not available", e);
        }
    }

    private SecretKey unwrap(String keyId, String wrapped) {
        try {
            return new SecretKeySpec(masterKey.open(Base64.getDecoder().decode(wrapped),
                    keyId.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a person's key does not open with this master key (was "
                    + "AURA_MASTER_KEY changed?)", e);
        }
    }

    private static String newKeyId() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Aead.randomKeyBytes()).substring(0, 22);
    }
}
