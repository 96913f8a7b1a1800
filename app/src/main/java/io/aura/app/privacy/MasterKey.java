package io.aura.app.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key every stored secret is encrypted with (ADR 0046): the persons' data keys, webhook secrets. Production
 * passes it in the environment ({@code AURA_MASTER_KEY}: 32 random bytes, base64); the embedded default otherwise
 * generates it once into the data directory's {@code keys/} folder (owner-only), like the JWT signing key. It is
 * never stored in the database it protects.
 */
public final class MasterKey {
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    static final String SEALED_PREFIX = "aura-mk:v1:";

    private final SecretKey key;

    MasterKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (AURA_MASTER_KEY: base64 of 32 "
                    + "random bytes, e.g. `openssl rand -base64 32`); it has " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** From {@code base64} when given, else from (or newly into) {@code dataDir/keys/master.key}. */
    public static MasterKey load(String base64, Path dataDir) {
        return load(base64, java.util.List.of(), dataDir);
    }

    /**
     * As {@link #load(String, Path)}, except that a profile of several nodes never generates one: each node would
     * seal with a key of its own and none could open what the others sealed (ADR 0051, as for the signing keys).
     */
    public static MasterKey load(String base64, java.util.Collection<String> activeProfiles, Path dataDir) {
        List<String> shared = activeProfiles.stream()
                .filter(io.aura.app.security.SigningKeys.SHARED_KEY_PROFILES::contains).sorted().toList();
        if ((base64 == null || base64.isBlank()) && !shared.isEmpty()) {
            throw new IllegalStateException("No master key is configured, and the '" + String.join("', '", shared)
                    + "' profile runs nodes that must all open what any of them sealed, so none is generated: set "
                    + "AURA_MASTER_KEY to base64 of 32 random bytes (`openssl rand -base64 32`), the same on every node");
        }
        if (base64 != null && !base64.isBlank()) {
            try {
                return new MasterKey(Base64.getDecoder().decode(base64.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("AURA_MASTER_KEY is not usable: " + e.getMessage(), e);
            }
        }
        Path file = dataDir.resolve("keys").resolve("master.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                try {
                    Files.write(file, Base64.getEncoder().encode(Aead.randomKeyBytes()), StandardOpenOption.CREATE_NEW);
                    ownerOnly(file);
                    log.info("Generated a new master key in {}; production passes AURA_MASTER_KEY instead", file);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it a moment ago: use theirs
                }
            }
            return new MasterKey(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the directory's protection is what there is
        }
    }

    byte[] seal(byte[] plaintext, byte[] associatedData) {
        return Aead.seal(key, plaintext, associatedData);
    }

    byte[] open(byte[] sealed, byte[] associatedData) throws GeneralSecurityException {
        return Aead.open(key, sealed, associatedData);
    }

    /**
     * A secret as it is stored: {@code aura-mk:v1:<base64>}, bound to {@code purpose} (e.g. "webhook:<id>") so a
     * stored secret cannot be copied to another row and still open.
     */
    public String sealText(String secret, String purpose) {
        if (secret == null) {
            return null;
        }
        return SEALED_PREFIX + Base64.getEncoder().encodeToString(
                seal(secret.getBytes(StandardCharsets.UTF_8), purpose.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The secret of a stored value: a sealed one opened, one stored before secrets were sealed as it is (it is
     * sealed the next time it is written).
     */
    public String openText(String stored, String purpose) {
        if (stored == null || !stored.startsWith(SEALED_PREFIX)) {
            return stored;
        }
        try {
            return new String(open(Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length())),
                    purpose.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret does not open with this master key (was "
                    + "AURA_MASTER_KEY changed?)", e);
        }
    }
}
