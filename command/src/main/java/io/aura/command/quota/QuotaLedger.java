package io.aura.command.quota;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaCommands;
import io.aura.kernel.quota.QuotaCommands.ReleaseQuota;
import io.aura.kernel.quota.QuotaCommands.ReserveMove;
import io.aura.kernel.quota.QuotaCommands.ReserveQuota;
import io.aura.kernel.quota.QuotaEvents.Excess;
import io.aura.kernel.quota.QuotaEvents.QuotaExceeded;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveExceeded;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveReserved;
import io.aura.kernel.quota.QuotaEvents.QuotaReleased;
import io.aura.kernel.quota.QuotaEvents.QuotaReserved;
import io.aura.kernel.quota.QuotaLedgerRules;
import io.aura.kernel.schedule.TimeRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One person's quota ledger (ADR 0034): the dates of their live bookings that count against a quota. A quota
 * spans resources, so no schedule can keep it; one ledger per person makes their requests wait for each
 * other (one aggregate, appended with optimistic locking), so racing requests can never go over it together.
 * The decision is {@link QuotaLedgerRules}'; a booking is decided once (a redelivered request records nothing).
 */
public class QuotaLedger {

    @AggregateIdentifier
    private String ledgerId;

    /** the counted dates per booking */
    private final Map<String, List<Charge>> live = new HashMap<>();
    /** every booking and move decided here, kept so a redelivered request is not decided again */
    private final Set<String> decided = new HashSet<>();

    protected QuotaLedger() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReserveQuota command) {
        String id = QuotaCommands.ledgerId(command.username());
        ledgerId = id; // a new ledger is named before its first event (or none, for a redelivery)
        if (decided.contains(command.bookingId())) {
            return;
        }
        List<Charge> counted = live.values().stream().flatMap(List::stream).toList();
        List<Excess> excesses = QuotaLedgerRules.excesses(command.quotas(), counted, command.charges());
        if (excesses.isEmpty()) {
            apply(new QuotaReserved(id, command.username(), command.bookingId(), command.charges()));
        } else {
            apply(new QuotaExceeded(id, command.username(), command.bookingId(), excesses));
        }
    }

    /**
     * A move is counted as the booking will be after it: without the date it leaves, with the new one. Both stay
     * counted until the saga releases the loser, so nothing racing it can use the room the move may still need.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReserveMove command) {
        String id = QuotaCommands.ledgerId(command.username());
        ledgerId = id;
        if (decided.contains(command.moveId())) {
            return;
        }
        Charge to = QuotaLedgerRules.chargeReplacing(live, command.bookingId(), command.from(), command.to());
        List<Excess> excesses = QuotaLedgerRules.moveExcesses(command.quotas(), live, command.bookingId(),
                command.from(), command.to());
        if (excesses.isEmpty()) {
            apply(new QuotaMoveReserved(id, command.username(), command.bookingId(), command.moveId(), command.from(),
                    to));
        } else {
            apply(new QuotaMoveExceeded(id, command.username(), command.bookingId(), command.moveId(), command.from(),
                    command.to().occurrence(), excesses));
        }
    }

    /** Releasing what is not counted (never reserved, released already) records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReleaseQuota command) {
        ledgerId = QuotaCommands.ledgerId(command.username());
        List<Charge> charges = live.getOrDefault(command.bookingId(), List.of());
        List<TimeRange> released = charges.stream().map(Charge::occurrence)
                .filter(o -> command.occurrences().isEmpty() || command.occurrences().contains(o)).toList();
        if (!released.isEmpty()) {
            apply(new QuotaReleased(QuotaCommands.ledgerId(command.username()), command.username(),
                    command.bookingId(), released));
        }
    }

    @EventSourcingHandler
    void on(QuotaReserved event) {
        ledgerId = event.ledgerId();
        decided.add(event.bookingId());
        live.put(event.bookingId(), new ArrayList<>(event.charges()));
    }

    @EventSourcingHandler
    void on(QuotaExceeded event) {
        ledgerId = event.ledgerId();
        decided.add(event.bookingId());
    }

    @EventSourcingHandler
    void on(QuotaMoveReserved event) {
        ledgerId = event.ledgerId();
        decided.add(event.moveId());
        List<Charge> charges = live.computeIfAbsent(event.bookingId(), b -> new ArrayList<>());
        if (charges.stream().noneMatch(c -> c.occurrence().equals(event.to().occurrence()))) {
            charges.add(event.to()); // a "move" to the date it holds counts it once
        }
    }

    @EventSourcingHandler
    void on(QuotaMoveExceeded event) {
        ledgerId = event.ledgerId();
        decided.add(event.moveId());
    }

    @EventSourcingHandler
    void on(QuotaReleased event) {
        ledgerId = event.ledgerId();
        List<Charge> left = new ArrayList<>(live.getOrDefault(event.bookingId(), List.of()));
        left.removeIf(c -> event.occurrences().contains(c.occurrence()));
        if (left.isEmpty()) {
            live.remove(event.bookingId());
        } else {
            live.put(event.bookingId(), left);
        }
    }
}
