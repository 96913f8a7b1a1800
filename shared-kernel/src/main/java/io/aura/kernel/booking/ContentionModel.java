package io.aura.kernel.booking;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How contended a resource's local hour is likely to be: the probability that it ends up mostly
 * booked, estimated by a model learned from the heatmap's history. Empty while no model is
 * trained (too little history, or none better than guessing); the ranking then uses the history
 * itself.
 */
public interface ContentionModel {

    /**
     * What is known of one local hour of a resource. {@code sameHourLately}: its utilization at that
     * weekday and hour over the four weeks before; {@code resourceLately}: the resource's over all hours.
     */
    record HourFacts(int dayOfWeek, int hour, int capacity, double sameHourLately, double resourceLately) {}

    /** One hour of the past: what was known before it, and whether it was then mostly (≥ half) booked. */
    record PastHour(HourFacts facts, boolean mostlyBooked) {}

    /** The outcome of a training run, for the operator. */
    record Training(boolean trained, String reason, int rows, int mostlyBooked, double validationAccuracy,
                    double alwaysGuessingAccuracy, double seconds) {}

    default OptionalDouble contention(HourFacts facts) {
        return contentions(List.of(facts)).map(p -> OptionalDouble.of(p[0])).orElse(OptionalDouble.empty());
    }

    /** The same for many hours in one pass ({@link SlotRanker} asks once, for the distinct hours of its candidates). */
    java.util.Optional<double[]> contentions(List<HourFacts> facts);

    /** Learns from the past hours given; the model in use is replaced only by one better than guessing. */
    Training train(List<PastHour> history);

    /** Stops using the trained model (until the next training): suggestions rank by the history again. */
    void forget();

    /** The last training run, if any. */
    java.util.Optional<Training> lastTraining();

    /**
     * The trained model as bytes another node can {@link #load} (ADR 0055); empty while none is
     * trained, or where the model cannot be saved.
     */
    default java.util.Optional<byte[]> saved() {
        return java.util.Optional.empty();
    }

    /** Takes a model {@link #saved()} elsewhere ({@code null}: none trained) and that training's outcome. */
    default void load(byte[] saved, Training training) {
        throw new UnsupportedOperationException("this model cannot be loaded");
    }
}
