package io.aura.query.feed;

import io.aura.kernel.feed.CalendarFeedQueries.CalendarFeedView;
import java.util.Optional;

/**
 * Where calendar feeds are kept (one record per owner, computed by {@link CalendarFeedFold}), found by
 * owner or by the hash of their secret. Adapters: {@link SqlCalendarFeedStore} (embedded default) and
 * {@link MongoCalendarFeedStore} (production); {@code CalendarFeedStoreContract} holds both to the same
 * behaviour.
 */
public interface CalendarFeedStore {

    Optional<CalendarFeedView> ofOwner(String ownerId);

    /** The feed whose current secret has this hash; a replaced secret's hash finds nothing. */
    Optional<CalendarFeedView> bySecretHash(String secretHash);

    /** Stores the owner's feed as it is now (replacing the one before). */
    void save(CalendarFeedView view);

    /** Forgets the owner's feed (its owner was erased, ADR 0046): its secret opens nothing any more. */
    void forget(String ownerId);

    /** Forgets every feed (a replay starts from nothing). */
    void clear();
}
