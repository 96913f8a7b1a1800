package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Given what the inbox and the webhook outbox kept, the words an erasure leaves (ADR 0046). */
class ErasureTextsTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant AT = Instant.parse("2030-01-07T09:00:00Z");

    static InboxEntry entry(String user, String type, String message, MailStatus mail) {
        return new InboxEntry("e-1:" + user, user, type, "b-1", "a-1", null, null, message, AT,
                user + "@example.test", mail, 1, AT, "timeout talking to " + user + "@example.test");
    }

    @Test
    void a_title_of_theirs_reads_as_erased_in_english_and_german_quotes_and_other_words_stay() {
        InboxEntry olgas = entry("olga", "APPROVAL_REQUEST",
                "Please approve booking “Alice's party” in Hall (level 1). Erinnerung: „Alice's party“ beginnt",
                MailStatus.SENT);

        InboxEntry erased = NotificationFold.erased(olgas, "alice", "Alice's party");

        assertThat(erased.message()).isEqualTo("Please approve booking “[erased]” in Hall (level 1). "
                + "Erinnerung: „[erased]“ beginnt");
        assertThat(erased.email()).isEqualTo("olga@example.test");
        assertThat(erased.mailStatus()).isEqualTo(MailStatus.SENT);
        assertThat(NotificationFold.erased(erased, "alice", "Alice's party")).isEqualTo(erased);
    }

    @Test
    void their_comment_on_a_rejected_booking_reads_as_erased_and_another_s_stays() {
        InboxEntry bobs = entry("bob", "BOOKING_REJECTED",
                "Your booking “Retro” was rejected by alice: Alice thinks it a waste", MailStatus.PENDING);

        assertThat(NotificationFold.erased(bobs, "alice", null).message())
                .isEqualTo("Your booking “Retro” was rejected by alice: " + PersonalData.ERASED);
        assertThat(NotificationFold.erased(bobs, "al", null)).isEqualTo(bobs);
    }

    @Test
    void in_their_own_inbox_the_address_goes_and_a_mail_not_yet_sent_never_will_be() {
        InboxEntry hers = entry("alice", "BOOKING_CONFIRMED", "Your booking “Dentist” is confirmed", MailStatus.PENDING);

        InboxEntry erased = NotificationFold.erased(hers, "alice", "Dentist");

        assertThat(erased.message()).isEqualTo("Your booking “[erased]” is confirmed");
        assertThat(erased.email()).isNull();
        assertThat(erased.mailError()).isNull();
        assertThat(erased.mailStatus()).isEqualTo(MailStatus.NO_ADDRESS);
    }

    @Test
    void what_the_inbox_keeps_of_them_loses_address_roles_and_titles() {
        assertThat(NotificationFold.erased(new Recipient("alice", Set.of(io.aura.kernel.identity.Role.APPROVER),
                "alice@example.test"))).isEqualTo(new Recipient("alice", Set.of(), null, true));
        assertThat(NotificationFold.erased(new BookingTitle("b-1", "Dentist", "r-1", "alice")))
                .isEqualTo(new BookingTitle("b-1", PersonalData.ERASED, "r-1", "alice"));
        assertThat(NotificationFold.erased(new ApprovalContext("a-1", "b-1", "r-1", "alice",
                "booking “Dentist” in Hall, Thu 10 Jan 2030, 10:00–11:00 (UTC)", "UTC"), "Dentist").subject())
                .isEqualTo("booking “[erased]” in Hall, Thu 10 Jan 2030, 10:00–11:00 (UTC)");
    }

    @Test
    void a_webhook_payload_of_theirs_loses_each_personal_component_and_keeps_the_rest() {
        String body = JSON.writeValueAsString(Map.of("id", "e-1:w-1", "type", "BookingRequested", "payload",
                Map.of("bookingId", "b-1", "title", "Dentist", "description", "molar", "attendeeNames",
                        List.of("Bob Baker"), "attendees", 2, "requester", "alice")));

        String erased = ErasedPayloads.erased(JSON, body, "BookingRequested", "alice");

        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) JSON.readValue(erased, Map.class).get("payload");
        assertThat(payload).containsEntry("title", PersonalData.ERASED).containsEntry("description",
                PersonalData.ERASED).containsEntry("attendeeNames", List.of()).containsEntry("attendees", 2)
                .containsEntry("requester", "alice").containsEntry("bookingId", "b-1");
        assertThat(ErasedPayloads.erased(JSON, erased, "BookingRequested", "alice")).isEqualTo(erased);
        assertThat(ErasedPayloads.erased(JSON, body, "BookingRequested", "bob")).as("not hers").isEqualTo(body);
    }

    @Test
    void a_comment_of_theirs_in_an_approval_event_is_erased_but_not_one_on_their_booking_by_another() {
        String theirs = JSON.writeValueAsString(Map.of("type", "ApprovalRejected", "payload", Map.of("approvalId",
                "a-1", "by", "alice", "comment", "too dear")));
        String olgas = JSON.writeValueAsString(Map.of("type", "ApprovalRejected", "payload", Map.of("approvalId",
                "a-2", "by", "olga", "comment", "alice asks too much")));

        assertThat(ErasedPayloads.erased(JSON, theirs, "ApprovalRejected", "alice")).contains("\"[erased]\"")
                .doesNotContain("too dear");
        assertThat(ErasedPayloads.erased(JSON, olgas, "ApprovalRejected", "alice")).isEqualTo(olgas);
        assertThat(ErasedPayloads.erased(JSON, theirs, "SomethingElse", "alice")).isEqualTo(theirs);
    }
}
