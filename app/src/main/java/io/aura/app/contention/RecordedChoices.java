package io.aura.app.contention;

import io.aura.app.history.StoredEvents;
import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.ContentionEvaluation.Choice;
import io.aura.kernel.booking.ContentionEvaluation.DatedHour;
import io.aura.kernel.booking.RefusalChoices;
import io.aura.kernel.booking.RefusalChoices.Seat;
import io.aura.kernel.booking.RefusalChoices.Stamped;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The choices people made after a refusal, from the event store (ADR 0050): the booking events the
 * fold needs, read through Axon's own stream as the what-if reads them (upcast and deserialised as
 * every handler sees them), handed to the kernel's {@link RefusalChoices}. Reads only.
 */
@Component
public class RecordedChoices {
    private static final Set<String> READ = Stream.of(BookingRequested.class, BookingRejected.class,
            BookingConfirmed.class, BookingAwaitingApproval.class, BookingCancelled.class, BookingDeclined.class)
            .map(Class::getName).collect(Collectors.toSet());

    private final StoredEvents stored;
    private final QueryGateway queries;

    public RecordedChoices(StoredEvents stored, @Lazy QueryGateway queries) {
        this.stored = stored;
        this.queries = queries;
    }

    /** Every choice recorded up to the store's head, with what was known of each candidate's hour from {@code hours}. */
    public List<Choice> choices(List<DatedHour> hours) {
        Map<String, Seat> seats = new HashMap<>();
        for (ResourceView r : queries.query(new ListResources(), ResponseTypes.multipleInstancesOf(ResourceView.class))
                .join()) {
            seats.put(r.id(), new Seat(ZoneId.of(r.spec().timeZone()), r.spec().capacity()));
        }
        return RefusalChoices.from(read(), seats, hours);
    }

    private List<Stamped> read() {
        List<Stamped> out = new ArrayList<>();
        stored.read(READ, null, r -> out.add(new Stamped(r.at(), r.event())));
        return out;
    }
}
