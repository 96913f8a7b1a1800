package io.aura.app.axon.upcasting;

import io.aura.kernel.booking.BookingEvents.BookingRequested;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code BookingRequested} as first stored (no revision: one range, no series) in its
 * revision-2 shape: the range becomes the only occurrence, with no recurrence and the default
 * policy. The pattern every future shape change follows.
 */
public final class BookingRequestedUpcaster extends SingleEventUpcaster {
    private static final String TYPE = BookingRequested.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, node -> {
            ObjectNode event = (ObjectNode) node;
            if (!event.has("occurrences")) {
                ArrayNode occurrences = event.putArray("occurrences");
                occurrences.add(event.get("range").deepCopy());
            }
            if (!event.has("recurrence")) {
                event.putNull("recurrence");
            }
            if (!event.has("policy")) {
                event.put("policy", "ALL_OR_NOTHING");
            }
            return event;
        });
    }
}
