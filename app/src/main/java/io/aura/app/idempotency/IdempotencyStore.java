package io.aura.app.idempotency;

import java.util.Map;
import java.util.Optional;

/**
 * Remembers, per caller and {@code Idempotency-Key}, which booking a request created and the
 * answer it got, so a retried request books nothing twice and gets the first answer again.
 * Adapters: {@link SqlIdempotencyStore} (embedded default) and {@link MongoIdempotencyStore}
 * (production); one contract test suite holds both to the same behaviour.
 */
public interface IdempotencyStore {

    /** The longest key a caller may send (API.md "Hardening"); a longer one is refused naming the header. */
    int MAX_KEY_LENGTH = 200;

    /**
     * What a key was claimed for, and the answer once there is one (status and body null until then).
     * {@code fingerprint}: a digest of the request that claimed it, so the same key with another body is
     * told apart (null for keys claimed before fingerprints were kept).
     */
    record Entry(String id, String bookingId, Integer httpStatus, Map<String, Object> body, String fingerprint) {
        /** Whether a request with {@code fingerprint} is the one that claimed the key. */
        public boolean sameRequest(String fingerprint) {
            return this.fingerprint == null || fingerprint == null || this.fingerprint.equals(fingerprint);
        }
    }

    /**
     * Claims the key for a new booking id, atomically: of two claims of one key exactly one gets
     * empty; every other gets the entry of the one that did.
     */
    Optional<Entry> claim(String caller, String key, String bookingId, String fingerprint);

    /** A claim without a fingerprint (an entry copied from an earlier release). */
    default Optional<Entry> claim(String caller, String key, String bookingId) {
        return claim(caller, key, bookingId, null);
    }

    /** Records the answer the claimed request got (the body as plain JSON values: maps, lists, text, numbers). */
    void answer(String caller, String key, int httpStatus, Map<String, Object> body);

    /**
     * Forgets every key {@code caller} claimed and the answers kept with them (ADR 0046: an erased person's
     * answers may quote what they wrote). Usernames hold no ':', so the caller's keys are exactly those ids
     * beginning with the caller and ':'.
     */
    void forgetCaller(String caller);

    static String id(String caller, String key) {
        return caller + ":" + key;
    }
}
