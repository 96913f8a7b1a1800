package io.aura.app.privacy;

import io.aura.kernel.privacy.DataSubject;
import io.aura.kernel.privacy.PersonalData;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event serializer with crypto-shredding (ADR 0046): every {@link PersonalData} component of an event is
 * written sealed with the key of the event's {@link DataSubject}, and read back opened, or as
 * {@link PersonalData#ERASED} (a text) or empty (a list) once that person's key was deleted. Everything else is the
 * JSON of the serializer it wraps. The store keeps only the sealed bytes, and the audit's hash chain covers those,
 * so erasing a person changes no stored byte and the chain still verifies.
 */
public final class PersonalDataSerializer implements Serializer {
    private record Field(String name, boolean list) {}

    private record Plan(String subject, List<Field> personal) {
        static final Plan NONE = new Plan(null, List.of());
    }

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return plan(type);
        }
    };

    private final Serializer delegate;
    private final PersonalDataCipher cipher;

    public PersonalDataSerializer(Serializer delegate, PersonalDataCipher cipher) {
        this.delegate = delegate;
        this.cipher = cipher;
    }

    /** What a record carries of personal data and whose it is; none for anything else. */
    static Plan plan(Class<?> type) {
        if (!type.isRecord()) {
            return Plan.NONE;
        }
        String subject = null;
        List<Field> personal = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(DataSubject.class)) {
                subject = component.getName();
            }
            if (component.isAnnotationPresent(PersonalData.class)) {
                personal.add(new Field(component.getName(), Collection.class.isAssignableFrom(component.getType())));
            }
        }
        if (!personal.isEmpty() && subject == null) {
            throw new IllegalStateException(type.getName() + " has personal data but no @DataSubject saying whose");
        }
        return personal.isEmpty() ? Plan.NONE : new Plan(subject, List.copyOf(personal));
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Plan plan = object == null ? Plan.NONE : PLANS.get(object.getClass());
        if (plan.personal().isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> tree = delegate.serialize(object, JsonNode.class);
        ObjectNode node = (ObjectNode) tree.getData().deepCopy();
        JsonNode subject = node.get(plan.subject());
        if (subject != null && subject.isString()) { // nobody's data (no subject) is nobody's to erase
            for (Field field : plan.personal()) {
                JsonNode value = node.get(field.name());
                if (value != null && !value.isNull()) {
                    Optional<String> sealed = cipher.seal(subject.asString(), value.toString());
                    if (sealed.isPresent()) {
                        node.put(field.name(), sealed.get());
                    } else { // the person is erased already: what would be theirs is not recorded
                        node.set(field.name(), erased(field));
                    }
                }
            }
        }
        return delegate.getConverter().convert(new SimpleSerializedObject<>(node, JsonNode.class, tree.getType()),
                expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Plan plan = planOf(serializedObject.getType());
        if (plan.personal().isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        ObjectNode node = (ObjectNode) delegate.getConverter().convert(serializedObject, JsonNode.class).getData()
                .deepCopy();
        for (Field field : plan.personal()) {
            JsonNode value = node.get(field.name());
            if (value != null && value.isString() && PersonalDataCipher.isSealed(value.asString())) {
                Optional<String> opened = cipher.open(value.asString());
                node.set(field.name(), opened.isPresent() ? delegate.getConverter().convert(
                        opened.get().getBytes(StandardCharsets.UTF_8), JsonNode.class)
                        : erased(field));
            } // a value stored before sealing began is read as it is
        }
        return delegate.deserialize(new SimpleSerializedObject<>(node, JsonNode.class, serializedObject.getType()));
    }

    /** Every stored event is read through here: its type's plan is resolved once per type name, not per event. */
    private final Map<String, Plan> plansByTypeName = new ConcurrentHashMap<>();

    private Plan planOf(SerializedType type) {
        if (type == null || SerializedType.emptyType().equals(type)) {
            return Plan.NONE;
        }
        return plansByTypeName.computeIfAbsent(type.getName(), name -> {
            Class<?> known = delegate.classForType(type);
            return known == null || UnknownSerializedType.class.equals(known) ? Plan.NONE : PLANS.get(known);
        });
    }

    private static JsonNode erased(Field field) {
        return field.list() ? JsonNodeFactory.instance.arrayNode()
                : JsonNodeFactory.instance.stringNode(PersonalData.ERASED);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
