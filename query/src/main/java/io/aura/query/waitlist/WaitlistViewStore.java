package io.aura.query.waitlist;

import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import java.util.List;
import java.util.Optional;

/**
 * Where waitlist entries are kept (one record per entry, computed by {@link WaitlistFold}). Adapters:
 * {@link SqlWaitlistViewStore} (embedded default) and {@link MongoWaitlistViewStore} (production);
 * {@code WaitlistViewStoreContract} holds both to the same behaviour.
 */
public interface WaitlistViewStore {

    Optional<WaitlistEntryView> find(String entryId);

    /** A person's entries, in the order they joined (by sequence, then resource). */
    List<WaitlistEntryView> ofOwner(String owner);

    /** A resource's entries still in the queue (waiting or promoted), by sequence. */
    List<WaitlistEntryView> openOf(String resourceId);

    /** Stores the entry as it is now (replacing the one before). */
    void save(WaitlistEntryView view);

    /** Forgets every entry (a replay starts from nothing). */
    void clear();
}
