package io.aura.app.axon.upcasting;

import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import java.util.Map;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the events stored before bookings had series (one {@code range} per hold, confirmation and
 * release) in the shape that followed: the range becomes the only occurrence held, nothing skipped.
 * Those shapes changed without a revision of their own, so among the events stored without a
 * revision the JSON tells them apart: a {@code range} and no list. Events written since carry
 * revision 2 and are never looked at. {@code RescheduleRequested} of then had no {@code attendees}:
 * read as 1, the least a booking has (the number is used only for approval levels with a minimum).
 * An event already in the later shape passes untouched (not re-serialised: its bytes are hashed by
 * the audit chain).
 */
public final class SingleRangeUpcaster extends SingleEventUpcaster {
    /** payload type → the list the single range becomes */
    private static final Map<String, String> LISTS = Map.of(
            HoldPlaced.class.getName(), "occurrences",
            HoldRefused.class.getName(), "occurrences",
            HoldReleased.class.getName(), "occurrences",
            BookingConfirmed.class.getName(), "held",
            BookingAwaitingApproval.class.getName(), "held");
    private static final String RESCHEDULE_REQUESTED = RescheduleRequested.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        if (representation.getType().getRevision() != null || !(LISTS.containsKey(type) || RESCHEDULE_REQUESTED.equals(type))) {
            return false;
        }
        JsonNode stored = representation.getData(JsonNode.class).getData();
        return RESCHEDULE_REQUESTED.equals(type) ? !stored.has("attendees")
                : stored.has("range") && !stored.has(LISTS.get(type));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return representation.upcastPayload(representation.getType(), JsonNode.class, node -> {
            ObjectNode event = (ObjectNode) node;
            if (RESCHEDULE_REQUESTED.equals(type)) {
                if (!event.has("attendees")) {
                    event.put("attendees", 1);
                }
                return event;
            }
            event.putArray(LISTS.get(type)).add(event.get("range").deepCopy());
            if (!type.equals(HoldReleased.class.getName()) && !type.equals(HoldRefused.class.getName())) {
                event.putArray("skipped");
                event.putArray("skippedConflicts");
            }
            return event;
        });
    }
}
