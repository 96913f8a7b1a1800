package io.aura.app.external;

import io.aura.app.security.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Calendar feed secrets (ADR 0032). A secret is HMAC-SHA256(feed key, owner + nonce): the nonce is 128
 * bits from {@link SecureRandom}, drawn anew on each rotation and recorded; the feed key is derived from
 * the server's signing key, which lives outside the database. So the events and views (nonce and the
 * secret's SHA-256) are enough to show a person their URL again, yet a leaked database leaks none.
 */
@Component
public class FeedSecrets {
    /** 256 bits in unpadded base64url. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final byte[] feedKey;

    public FeedSecrets(SigningKeys keys) {
        this.feedKey = hmac(keys.feedKeyMaterial(), "aura calendar feed key v1");
    }

    /** A fresh nonce: 128 random bits, URL-safe. */
    public String newNonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    public String secret(String ownerId, String nonce) {
        return URL_SAFE.encodeToString(hmac(feedKey, ownerId + "\n" + nonce));
    }

    /** The SHA-256 of a secret in hex: what events and views keep, and what a feed is looked up by. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Whether {@code presented} could be a secret at all (else it is refused before any lookup). */
    public static boolean wellFormed(String presented) {
        return presented != null && SECRET.matcher(presented).matches();
    }

    /** Compares a presented secret with a stored hash in time independent of where they differ. */
    public static boolean matches(String presented, String storedHash) {
        return MessageDigest.isEqual(sha256(presented), HexFormat.of().parseHex(storedHash));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
