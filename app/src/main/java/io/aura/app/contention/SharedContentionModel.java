package io.aura.app.contention;

import io.aura.kernel.booking.ContentionEvaluation.Evaluation;
import io.aura.kernel.booking.ContentionEvaluation.Verdict;
import io.aura.kernel.booking.ContentionModel.Training;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The contention model every node uses (ADR 0055): the latest one trained, with what the gate needs to answer as the
 * training node did, and a lease so that one node at a time trains. Adapters: {@link SqlSharedContentionModel} (the
 * embedded default's SQLite database and the {@code postgres} profile's shared database) and
 * {@link MongoSharedContentionModel} ({@code aura.views=mongo}).
 */
public interface SharedContentionModel {

    /**
     * One version: the network as the model saved it ({@code null}: none trained), the training's outcome, the hold-out's
     * evaluation and the verdict on it; all {@code null} but the version, time and node when an administrator told every
     * node to stop using the model.
     */
    record StoredModel(long version, Instant trainedAt, String trainedBy, byte[] network, Training training,
                       Evaluation evaluation, Verdict verdict) {

        /** An administrator's "stop using it", not a training. */
        public boolean forgotten() {
            return training == null;
        }
    }

    /**
     * Two nodes stored at once and this one lost more than a few times, or another node holds the lease to train: the
     * administrator's request is not possible now (409), a background one tries again later.
     */
    final class Busy extends RuntimeException {
        public Busy(String detail) {
            super(detail);
        }
    }

    /**
     * Refuses a version whose verdict says the model is used while it has no network: every node would report it in
     * use and rank by the history alone.
     */
    static void refuseInUseWithoutNetwork(byte[] network, Verdict verdict) {
        if (verdict != null && verdict.useModel() && (network == null || network.length == 0)) {
            throw new IllegalArgumentException("a contention model in use needs its network: " + verdict.reason());
        }
    }

    /** The latest version's number; 0 while none is stored. */
    long version();

    Optional<StoredModel> latest();

    /**
     * Stores the next version (older ones are dropped) and answers it as it reads back (to the millisecond); {@link Busy}
     * when other nodes stored versions meanwhile more than a few times, {@link IllegalArgumentException} for a version
     * in use without a network.
     */
    StoredModel save(Instant trainedAt, String trainedBy, byte[] network, Training training, Evaluation evaluation,
                     Verdict verdict);

    /**
     * Takes (or extends) the lease to train for {@code length} from {@code now}: true unless another node holds it
     * unexpired. A node that dies while training holds it no longer than {@code length}.
     */
    boolean lease(String node, Instant now, Duration length);

    /** The node that holds the lease unexpired at {@code now}, if any. */
    Optional<String> holder(Instant now);

    /** Gives the lease back, if {@code node} holds it. */
    void release(String node);
}
