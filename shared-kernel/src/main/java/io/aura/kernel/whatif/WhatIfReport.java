package io.aura.kernel.whatif;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a proposed rule would have done to the requests of a period (ADR 0048): {@code refusedBefore} as recorded,
 * {@code wouldBeRefused} under the rule, per reason ({@code byRule}: a conflict's source such as {@code BOOKING} or
 * {@code OPENING_HOURS}, or a broken rule such as {@code LONGER_THAN_RESOURCE_ALLOWS}); {@code changed} counts the
 * requests whose answer differs (accepted or refused, the reasons, the approval levels); {@code examples} shows the
 * first of them. Utilization: the share of the period's minutes the considered resources are held, as recorded and
 * under the rule.
 */
public record WhatIfReport(Instant from, Instant to, String resourceId, int bookingsConsidered, int refusedBefore,
                           int wouldBeRefused, int newlyRefused, int newlyAccepted, Map<String, Integer> byRule,
                           Map<String, Integer> byRuleBefore, int movesConsidered, int movesRefusedBefore,
                           int movesWouldBeRefused, Approvals approvals, int changed, List<Example> examples,
                           double utilizationBefore, double utilizationAfter, long eventsReplayed) {

    /**
     * Accepted requests that ask approval, as recorded and under the rule; {@code moreLevels}: accepted both times,
     * with more levels under the rule.
     */
    public record Approvals(int neededBefore, int neededAfter, int moreLevels) {}

    /** How one request was answered: accepted (with its number of approval levels) or refused, and why. */
    public record Answer(Verdict verdict, List<String> reasons, int approvalLevels) {}

    public enum Verdict { ACCEPTED, REFUSED }

    /** The first date asked for by a request (a booking or a move) whose answer would change. */
    public record Example(Kind kind, String bookingId, String resourceId, Instant start, Instant end,
                          Instant requestedAt, Answer before, Answer after) {}

    public enum Kind { BOOKING, MOVE }
}
