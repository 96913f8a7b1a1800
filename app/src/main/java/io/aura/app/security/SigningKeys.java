package io.aura.app.security;

import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.security.InvalidKeyException;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's ES256 signing keys (ADR 0051). One key signs; it and any previous public keys verify, each
 * known by its {@code kid} (the RFC 7638 thumbprint) and all published in the JWKS, so a key can be rotated
 * without logging anyone out: add the new pair, move the old public half to
 * {@code AURA_JWT_PREVIOUS_PUBLIC_KEYS}, remove it once the longest-lived token it signed has expired.
 *
 * <p>The keys come from the environment ({@code AURA_JWT_PRIVATE_KEY}/{@code AURA_JWT_PUBLIC_KEY}, PKCS#8 /
 * X.509, PEM or base64 DER). Only the embedded default, one node by definition, may instead generate a pair
 * once into the data directory (owner-only permissions) and reuse it after restarts; a profile of several
 * nodes ({@link #SHARED_KEY_PROFILES}) refuses to start without configured keys, since a key of its own on
 * each node would make every node refuse the others' tokens.
 */
public final class SigningKeys {
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** Profiles of several nodes: their keys must be shared, so they are never generated. */
    public static final Set<String> SHARED_KEY_PROFILES = Set.of("production", "postgres");

    static final String HOW_TO_SET = "set AURA_JWT_PRIVATE_KEY (the private key, PKCS#8) and AURA_JWT_PUBLIC_KEY "
            + "(its public half, X.509), each PEM or base64 DER, the same on every node: e.g. `openssl ecparam -name "
            + "prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0` and, on that "
            + "key, `openssl ec -pubout -outform DER | base64 -w0` (docs/operations.md, \"Signing keys\")";

    /** What the configuration says; blank means unset. {@code previousPublicKeys}: comma-separated. */
    public record Settings(String privateKey, String publicKey, String previousPublicKeys, String feedKey) {
        public Settings(String privateKey, String publicKey) {
            this(privateKey, publicKey, null, null);
        }
    }

    private final ECPrivateKey privateKey;
    private final PublicJwk<ECPublicKey> signing;
    /** The signing key first, then the previous ones, by kid. */
    private final Map<String, PublicJwk<ECPublicKey>> verifying;
    private final byte[] feedKeyMaterial;

    public SigningKeys(ECPrivateKey privateKey, ECPublicKey publicKey) {
        this(privateKey, publicKey, List.of(), null);
    }

    SigningKeys(ECPrivateKey privateKey, ECPublicKey publicKey, List<ECPublicKey> previous, byte[] feedKeyMaterial) {
        this.privateKey = privateKey;
        this.signing = jwk(publicKey);
        Map<String, PublicJwk<ECPublicKey>> byId = new LinkedHashMap<>();
        byId.put(signing.getId(), signing);
        for (ECPublicKey key : previous) {
            byId.putIfAbsent(jwk(key).getId(), jwk(key));
        }
        this.verifying = Collections.unmodifiableMap(byId);
        this.feedKeyMaterial = feedKeyMaterial == null ? privateKey.getEncoded() : feedKeyMaterial.clone();
    }

    private static PublicJwk<ECPublicKey> jwk(ECPublicKey key) {
        return Jwks.builder().key(key).algorithm("ES256").publicKeyUse("sig").idFromThumbprint().build();
    }

    /** The embedded default's keys without previous ones (tests, and the single-node default). */
    public static SigningKeys load(String privateKey, String publicKey, Path dataDir) {
        return loadFor(new Settings(privateKey, publicKey), List.of(), dataDir);
    }

    /**
     * The keys as configured, or (on the embedded default only) the pair in {@code dataDir/keys}, generated
     * there the first time.
     *
     * @throws IllegalStateException naming what to set when a profile of several nodes has no keys, when only
     *     one half is given, when a value is not a key, or when the halves do not belong together
     */
    public static SigningKeys loadFor(Settings settings, Collection<String> activeProfiles, Path dataDir) {
        boolean hasPrivate = present(settings.privateKey());
        boolean hasPublic = present(settings.publicKey());
        List<ECPublicKey> previous = previousKeys(settings.previousPublicKeys());
        byte[] feedKey = present(settings.feedKey()) ? decode("AURA_CALENDAR_FEED_KEY", settings.feedKey()) : null;
        if (hasPrivate != hasPublic) {
            throw new IllegalStateException("Only " + (hasPrivate ? "AURA_JWT_PRIVATE_KEY" : "AURA_JWT_PUBLIC_KEY")
                    + " is set; a signing key needs both halves: " + HOW_TO_SET);
        }
        if (hasPrivate) {
            ECPrivateKey priv = privateKey(decode("AURA_JWT_PRIVATE_KEY", settings.privateKey()));
            ECPublicKey pub = publicKey("AURA_JWT_PUBLIC_KEY", decode("AURA_JWT_PUBLIC_KEY", settings.publicKey()));
            requirePair(priv, pub);
            return new SigningKeys(priv, pub, previous, feedKey);
        }
        List<String> shared = activeProfiles.stream().filter(SHARED_KEY_PROFILES::contains).sorted().toList();
        if (!shared.isEmpty()) {
            throw new IllegalStateException("No JWT signing key is configured, and the '" + String.join("', '", shared)
                    + "' profile runs nodes that must all sign and verify with the same key, so none is generated: "
                    + HOW_TO_SET);
        }
        try {
            Path dir = dataDir.resolve("keys");
            Path priv = dir.resolve("jwt-es256-private.der");
            Path pub = dir.resolve("jwt-es256-public.der");
            if (Files.exists(priv) && Files.exists(pub)) {
                return new SigningKeys(privateKey(Files.readAllBytes(priv)),
                        publicKey(pub.toString(), Files.readAllBytes(pub)), previous, feedKey);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            createOwnerOnlyDirectory(dir);
            writeOwnerOnly(priv, pair.getPrivate().getEncoded());
            writeOwnerOnly(pub, pair.getPublic().getEncoded());
            log.info("Generated a new ES256 signing key in {}", dir);
            return new SigningKeys((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic(), previous, feedKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unusable JWT signing key", e);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static List<ECPublicKey> previousKeys(String list) {
        if (!present(list)) {
            return List.of();
        }
        List<ECPublicKey> keys = new ArrayList<>();
        for (String item : list.split(",")) {
            if (present(item)) {
                keys.add(publicKey("AURA_JWT_PREVIOUS_PUBLIC_KEYS", decode("AURA_JWT_PREVIOUS_PUBLIC_KEYS", item)));
            }
        }
        return List.copyOf(keys);
    }

    /** Signs and verifies a probe: a public half of another key would fail every token at the first request. */
    private static void requirePair(ECPrivateKey priv, ECPublicKey pub) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(priv);
            byte[] probe = "aura signing key probe".getBytes(StandardCharsets.UTF_8);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pub);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("AURA_JWT_PUBLIC_KEY is not the public half of AURA_JWT_PRIVATE_KEY: "
                        + HOW_TO_SET);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AURA_JWT_PRIVATE_KEY is not a usable ES256 (P-256) key: " + HOW_TO_SET, e);
        }
    }

    public ECPrivateKey privateKey() {
        return privateKey;
    }

    /** The public half of the signing key. */
    public ECPublicKey publicKey() {
        return signing.toKey();
    }

    /** The signing key's id: every token we sign names it in its {@code kid} header. */
    public String keyId() {
        return signing.getId();
    }

    /** Secret material for the calendar feeds' key: {@code AURA_CALENDAR_FEED_KEY}, else the private key. */
    public byte[] feedKeyMaterial() {
        return feedKeyMaterial.clone();
    }

    /**
     * For a parser: the public key a token's {@code kid} names, the signing key's or a previous one's. A token
     * naming no kid is tried with the signing key; one naming a key we do not know is refused.
     */
    public Locator<Key> verificationKeys() {
        return new LocatorAdapter<>() {
            @Override
            protected Key locate(JwsHeader header) {
                String kid = header.getKeyId();
                if (kid == null) {
                    return signing.toKey();
                }
                PublicJwk<ECPublicKey> jwk = verifying.get(kid);
                if (jwk == null) {
                    throw new InvalidKeyException("signed by a key this server does not know (kid " + kid + ")");
                }
                return jwk.toKey();
            }
        };
    }

    /** The public keys as a JSON Web Key Set, for {@code /.well-known/jwks.json}: the signing key first. */
    public Map<String, Object> jwks() {
        return Map.of("keys", List.copyOf(verifying.values()));
    }

    private static byte[] decode(String setting, String value) {
        String body = value.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is neither PEM nor base64 DER: " + HOW_TO_SET, e);
        }
    }

    private static ECPrivateKey privateKey(byte[] der) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("AURA_JWT_PRIVATE_KEY is not an EC private key in PKCS#8: " + HOW_TO_SET, e);
        }
    }

    private static ECPublicKey publicKey(String setting, byte[] der) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(setting + " is not an EC public key in X.509: " + HOW_TO_SET, e);
        }
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
