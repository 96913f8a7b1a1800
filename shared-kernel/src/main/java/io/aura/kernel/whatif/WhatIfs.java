package io.aura.kernel.whatif;

import java.time.Instant;

/**
 * The policy what-if for every entry point (the HTTP API, the administration screen): the period's recorded
 * requests replayed against a proposed rule, changing nothing (ADR 0048). Bad input throws
 * {@code InvalidInputException} naming the field.
 */
public interface WhatIfs {
    WhatIfReport whatIf(Instant from, Instant to, String resourceId, PolicyChange change);
}
