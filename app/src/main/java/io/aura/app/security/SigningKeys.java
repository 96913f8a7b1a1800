package io.aura.app.security;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's ES256 signing key. Production passes it in the environment
 * ({@code AURA_JWT_PRIVATE_KEY}/{@code AURA_JWT_PUBLIC_KEY}, base64 PKCS#8 / X.509); otherwise it
 * is generated once into the data directory (owner-only permissions) and reused after restarts,
 * so issued tokens stay valid. Never in the repository.
 */
public final class SigningKeys {
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final ECPrivateKey privateKey;
    private final ECPublicKey publicKey;
    private final PublicJwk<ECPublicKey> jwk;

    public SigningKeys(ECPrivateKey privateKey, ECPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.jwk = Jwks.builder().key(publicKey).algorithm("ES256").publicKeyUse("sig").idFromThumbprint().build();
    }

    public static SigningKeys load(String privateBase64, String publicBase64, Path dataDir) {
        try {
            if (privateBase64 != null && !privateBase64.isBlank() && publicBase64 != null && !publicBase64.isBlank()) {
                return new SigningKeys(privateKey(decode(privateBase64)), publicKey(decode(publicBase64)));
            }
            Path dir = dataDir.resolve("keys");
            Path priv = dir.resolve("jwt-es256-private.der");
            Path pub = dir.resolve("jwt-es256-public.der");
            if (Files.exists(priv) && Files.exists(pub)) {
                return new SigningKeys(privateKey(Files.readAllBytes(priv)), publicKey(Files.readAllBytes(pub)));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            createOwnerOnlyDirectory(dir);
            writeOwnerOnly(priv, pair.getPrivate().getEncoded());
            writeOwnerOnly(pub, pair.getPublic().getEncoded());
            log.info("Generated a new ES256 signing key in {}", dir);
            return new SigningKeys((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unusable JWT signing key", e);
        }
    }

    public ECPrivateKey privateKey() {
        return privateKey;
    }

    public ECPublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return jwk.getId();
    }

    /** The public half as a JSON Web Key Set, for {@code /.well-known/jwks.json}. */
    public Map<String, Object> jwks() {
        return Map.of("keys", java.util.List.of(jwk));
    }

    private static byte[] decode(String base64) {
        String body = base64.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static ECPrivateKey privateKey(byte[] der) throws GeneralSecurityException {
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static ECPublicKey publicKey(byte[] der) throws GeneralSecurityException {
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    }

    /** Created readable by the owner only from its first byte, not restricted after writing (a window for others). */
    private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        if (posix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, bytes);
        } else {
            Files.write(file, bytes); // not a POSIX file system: the data directory's own protection has to do
        }
    }

    static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (posix(parent)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    private static boolean posix(Path path) throws IOException {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
    }
}
