package io.aura.app.notify;

import io.aura.kernel.approval.ApprovalEvents;
import io.aura.kernel.booking.BookingEvents;
import io.aura.kernel.privacy.DataSubject;
import io.aura.kernel.privacy.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook delivery's body with an erased person's words gone (ADR 0046), by the marks the events carry: when
 * the payload's {@link DataSubject} is the person, each {@link PersonalData} component reads as the event store
 * reads it after the erasure ({@link PersonalData#ERASED}, or an empty list). Pure: the same body, person and
 * type give the same body, and a body erased before is left as it is.
 */
final class ErasedPayloads {
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    /** The events webhooks carry (booking and approval events), by the simple name a delivery keeps. */
    private static final Map<String, Class<?>> EVENTS = Stream.of(BookingEvents.class, ApprovalEvents.class)
            .flatMap(holder -> Arrays.stream(holder.getDeclaredClasses())).filter(Class::isRecord)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity(), (first, second) -> first));

    private ErasedPayloads() {}

    static String erased(JsonMapper json, String body, String eventType, String username) {
        Class<?> type = EVENTS.get(eventType);
        if (type == null || body == null) {
            return body;
        }
        Map<String, Object> root = json.readValue(body, OBJECT);
        if (!(root.get("payload") instanceof Map<?, ?> found)) {
            return body;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) found;
        RecordComponent[] components = type.getRecordComponents();
        boolean theirs = Arrays.stream(components).filter(c -> c.isAnnotationPresent(DataSubject.class))
                .anyMatch(c -> username.equals(payload.get(c.getName())));
        if (!theirs) {
            return body;
        }
        boolean changed = false;
        for (RecordComponent c : components) {
            Object value = payload.get(c.getName());
            if (!c.isAnnotationPresent(PersonalData.class) || value == null) {
                continue;
            }
            Object erased = List.class.isAssignableFrom(c.getType()) ? List.of() : PersonalData.ERASED;
            if (!erased.equals(value)) {
                payload.put(c.getName(), erased);
                changed = true;
            }
        }
        return changed ? json.writeValueAsString(root) : body;
    }
}
