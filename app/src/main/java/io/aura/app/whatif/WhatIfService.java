package io.aura.app.whatif;

import io.aura.app.history.StoredEvents;
import io.aura.kernel.booking.BookingEvents;
import io.aura.kernel.quota.QuotaEvents;
import io.aura.kernel.resource.ResourceEvents;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ScheduleEvents;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.validation.TimeBounds;
import io.aura.kernel.whatif.PolicyChange;
import io.aura.kernel.whatif.PolicyWhatIf;
import io.aura.kernel.whatif.PolicyWhatIf.Recorded;
import io.aura.kernel.whatif.WhatIfReport;
import io.aura.kernel.whatif.WhatIfs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The policy what-if over the event store (ADR 0048): reads the stored events up to the period's end through Axon's
 * own stream (upcast and deserialised as every handler sees them; only the kinds the replay needs), and hands them to
 * the kernel's pure {@link PolicyWhatIf}. It sends no command, stores no event and writes no view.
 */
@Service
public class WhatIfService implements WhatIfs {
    private static final Logger log = LoggerFactory.getLogger(WhatIfService.class);
    /** The payloads the replay reads: resources, schedules, booking requests and their ends, quota ledgers. */
    private static final Set<String> READ = Stream.of(ResourceEvents.class, ScheduleEvents.class,
                    BookingEvents.class, QuotaEvents.class)
            .flatMap(c -> Arrays.stream(c.getDeclaredClasses())).map(Class::getName).collect(Collectors.toSet());

    private final StoredEvents stored;
    private final QueryGateway queries;

    public WhatIfService(StoredEvents stored, QueryGateway queries) {
        this.stored = stored;
        this.queries = queries;
    }

    @Override
    public WhatIfReport whatIf(Instant from, Instant to, String resourceId, PolicyChange change) {
        List<FieldViolation> violations = new ArrayList<>();
        if (from == null) {
            violations.add(FieldViolation.of("from", Rule.REQUIRED));
        } else {
            TimeBounds.outside("from", from).ifPresent(violations::add);
        }
        if (to == null) {
            violations.add(FieldViolation.of("to", Rule.REQUIRED));
        } else {
            TimeBounds.outside("to", to).ifPresent(violations::add);
        }
        if (from != null && to != null && !to.isAfter(from)) {
            violations.add(FieldViolation.of("to", Rule.PERIOD_END_NOT_AFTER_START));
        } else if (from != null && to != null && to.isAfter(from.plus(PolicyWhatIf.LONGEST_PERIOD))) {
            violations.add(FieldViolation.of("to", Rule.PERIOD_TOO_LONG, PolicyWhatIf.LONGEST_PERIOD.toDays()));
        }
        if (resourceId != null && (resourceId.isBlank() || resourceId.length() > 200 || queries.query(
                new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class)).join().isEmpty())) {
            violations.add(FieldViolation.of("resourceId", Rule.UNKNOWN_RESOURCE));
        }
        PolicyChange proposed = change == null ? PolicyChange.NONE : change;
        violations.addAll(proposed.violations());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        long started = System.nanoTime();
        List<Recorded> history = readUpTo(to);
        WhatIfReport report = PolicyWhatIf.run(history, from, to, resourceId, proposed);
        log.info("What-if over {} .. {}: {} events replayed, {} requests considered, in {} ms", from, to,
                report.eventsReplayed(), report.bookingsConsidered(), (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    /** The stored events the replay needs, oldest first, up to the store's head when it began (or {@code to}). */
    private List<Recorded> readUpTo(Instant to) {
        List<Recorded> out = new ArrayList<>();
        stored.read(READ, to, out::add);
        return out;
    }
}
