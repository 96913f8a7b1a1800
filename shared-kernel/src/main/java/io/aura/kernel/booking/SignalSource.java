package io.aura.kernel.booking;

/** Where the ranking reads what the organisation's history has taught it (ADR 0049): up to date when asked. */
@FunctionalInterface
public interface SignalSource {
    RankingSignals current();
}
