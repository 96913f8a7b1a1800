package io.aura.kernel.resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** When two resource names are the same name: trimmed, case-insensitive ("Hall" and " hall " are one). */
public final class ResourceNames {
    private ResourceNames() {}

    /** The name as it is compared. */
    public static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }

    /**
     * The id of the aggregate that holds a name's claim: a hash of the key, so that any name fits the event
     * store's identifier column and never collides with a resource's own id.
     */
    public static String claimId(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key(name).getBytes(StandardCharsets.UTF_8));
            return "resource-name-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
