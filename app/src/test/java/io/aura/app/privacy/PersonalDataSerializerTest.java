package io.aura.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.app.axon.AxonMessagingConfiguration;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.privacy.DataSubject;
import io.aura.kernel.privacy.PersonalData;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The event serializer seals personal data with its person's key and reads it back, or erased once the key is gone. */
class PersonalDataSerializerTest {
    @TempDir
    Path dir;

    private final Serializer plain = AxonMessagingConfiguration.jsonSerializer();

    private PersonalKeys keys() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("keys.db"));
        return new PersonalKeys(source, MasterKey.load(null, dir));
    }

    private static final TimeRange NINE = new TimeRange(Instant.parse("2027-03-01T09:00:00Z"),
            Instant.parse("2027-03-01T10:00:00Z"));

    private static BookingRequested requested(String requester) {
        return new BookingRequested("b-1", "room-1", "Salary talk", NINE, List.of(NINE), null,
                ConflictPolicy.ALL_OR_NOTHING, 2, List.of("dana@example.org"), "about the raise", requester);
    }

    private static String text(SerializedObject<byte[]> serialized) {
        return new String(serialized.getData(), StandardCharsets.UTF_8);
    }

    @Test
    void a_requests_title_description_and_attendees_are_stored_sealed_and_read_back_as_they_were() {
        Serializer serializer = new PersonalDataSerializer(plain, new PersonalDataCipher(keys()));

        SerializedObject<byte[]> stored = serializer.serialize(requested("olga"), byte[].class);

        assertThat(text(stored)).doesNotContain("Salary talk", "about the raise", "dana@example.org")
                .contains("\"requester\":\"olga\"", "\"resourceId\":\"room-1\"", PersonalDataCipher.PREFIX);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(requested("olga"));
    }

    @Test
    void once_the_person_is_erased_the_same_stored_bytes_read_as_erased() {
        PersonalKeys keys = keys();
        Serializer serializer = new PersonalDataSerializer(plain, new PersonalDataCipher(keys));
        SerializedObject<byte[]> stored = serializer.serialize(requested("olga"), byte[].class);
        SerializedObject<byte[]> someoneElses = serializer.serialize(requested("piet"), byte[].class);

        assertThat(keys.erase("olga")).isTrue();

        BookingRequested read = serializer.deserialize(stored);
        assertThat(read.title()).isEqualTo(PersonalData.ERASED);
        assertThat(read.description()).isEqualTo(PersonalData.ERASED);
        assertThat(read.attendeeNames()).isEmpty();
        assertThat(read.requester()).isEqualTo("olga");
        assertThat(read.range()).isEqualTo(NINE);
        assertThat(((BookingRequested) serializer.deserialize(someoneElses)).title()).isEqualTo("Salary talk");
        // a fresh node (no cache) reads it erased too: the key is gone from the store, not just forgotten here
        Serializer elsewhere = new PersonalDataSerializer(plain, new PersonalDataCipher(keys()));
        assertThat(((BookingRequested) elsewhere.deserialize(stored)).title()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void the_same_event_serializes_to_the_same_bytes_so_a_hash_taken_before_the_store_writes_it_still_holds() {
        Serializer serializer = new PersonalDataSerializer(plain, new PersonalDataCipher(keys()));
        UserRegistered registered = new UserRegistered("olga", Set.of(), "Olga Berg", "olga@example.org");

        assertThat(serializer.serialize(registered, byte[].class).getData())
                .isEqualTo(serializer.serialize(registered, byte[].class).getData());
        assertThat(text(serializer.serialize(registered, byte[].class))).doesNotContain("Olga Berg", "olga@example.org");
    }

    @Test
    void nothing_new_is_recorded_of_an_erased_person() {
        PersonalKeys keys = keys();
        Serializer serializer = new PersonalDataSerializer(plain, new PersonalDataCipher(keys));
        keys.erase("olga");

        SerializedObject<byte[]> stored = serializer.serialize(requested("olga"), byte[].class);

        assertThat(text(stored)).doesNotContain("Salary talk").doesNotContain(PersonalDataCipher.PREFIX)
                .contains(PersonalData.ERASED);
    }

    @Test
    void events_without_personal_data_and_events_stored_before_sealing_began_read_as_they_are() {
        Serializer serializer = new PersonalDataSerializer(plain, new PersonalDataCipher(keys()));
        BookingConfirmed confirmed = new BookingConfirmed("b-1", "room-1", List.of(NINE), List.of(), List.of());
        assertThat(serializer.serialize(confirmed, byte[].class).getData())
                .isEqualTo(plain.serialize(confirmed, byte[].class).getData());

        SerializedObject<byte[]> before = plain.serialize(requested("olga"), byte[].class);
        assertThat((Object) serializer.deserialize(new SimpleSerializedObject<>(before.getData(), byte[].class,
                before.getType()))).isEqualTo(requested("olga"));
    }

    record Anonymous(@PersonalData String note) {}

    @Test
    void personal_data_that_names_nobody_it_belongs_to_is_a_mistake_found_at_once() {
        Serializer serializer = new PersonalDataSerializer(plain, new PersonalDataCipher(keys()));
        assertThatThrownBy(() -> serializer.serialize(new Anonymous("x"), byte[].class))
                .hasMessageContaining("@DataSubject");
    }

    record Note(@DataSubject String author, @PersonalData String text) {}

    @Test
    void a_value_moved_into_another_persons_event_does_not_open() throws Exception {
        PersonalKeys keys = keys();
        Serializer serializer = new PersonalDataSerializer(plain, new PersonalDataCipher(keys));
        String olgas = text(serializer.serialize(new Note("olga", "secret"), byte[].class));
        String sealed = olgas.substring(olgas.indexOf(PersonalDataCipher.PREFIX), olgas.lastIndexOf('"'));
        String keyId = sealed.substring(PersonalDataCipher.PREFIX.length(), sealed.indexOf(':',
                PersonalDataCipher.PREFIX.length()));
        String tampered = PersonalDataCipher.PREFIX + keyId + ":" + java.util.Base64.getEncoder().encodeToString(
                new byte[40]);

        assertThatThrownBy(() -> new PersonalDataCipher(keys).open(tampered)).hasMessageContaining("altered");
        assertThat(Files.exists(dir.resolve("keys").resolve("master.key"))).isTrue();
    }
}
