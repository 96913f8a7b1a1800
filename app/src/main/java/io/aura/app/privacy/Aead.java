package io.aura.app.privacy;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per message: {@code nonce || ciphertext || tag}. The associated data binds
 * a ciphertext to where it belongs (a key id), so it cannot be moved to another place and still open.
 */
final class Aead {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Aead() {}

    static byte[] seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return seal(key, nonce, plaintext, associatedData);
    }

    /**
     * Sealed with a nonce derived from the key, the associated data and the plaintext (a synthetic IV, as AES-SIV
     * does): the same value sealed twice gives the same bytes. An event's payload may be serialized more than once
     * (the audit chain hashes it before the store writes it), and both must be the bytes the chain covers. The
     * price: two equal values of one person look equal, which tells nothing without the key.
     */
    static byte[] sealDeterministic(SecretKey key, byte[] plaintext, byte[] associatedData) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            mac.update("aura-pd-nonce".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            mac.update(ByteBuffer.allocate(4).putInt(associatedData.length).array());
            mac.update(associatedData);
            return seal(key, Arrays.copyOf(mac.doFinal(plaintext), NONCE_BYTES), plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] seal(SecretKey key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; throws {@link GeneralSecurityException} when the key, the data or the binding is wrong. */
    static byte[] open(SecretKey key, byte[] sealed, byte[] associatedData) throws GeneralSecurityException {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("too short to be sealed");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key,
                new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 0, NONCE_BYTES)));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    static byte[] randomKeyBytes() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
