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

    /** What a key was claimed for, and the answer once there is one (status and body null until then). */
    record Entry(String id, String bookingId, Integer httpStatus, Map<String, Object> body) {}

    /**
     * Claims the key for a new booking id, atomically: of two claims of one key exactly one gets
     * empty; every other gets the entry of the one that did.
     */
    Optional<Entry> claim(String caller, String key, String bookingId);

    /** Records the answer the claimed request got (the body as plain JSON values: maps, lists, text, numbers). */
    void answer(String caller, String key, int httpStatus, Map<String, Object> body);

    static String id(String caller, String key) {
        return caller + ":" + key;
    }
}
