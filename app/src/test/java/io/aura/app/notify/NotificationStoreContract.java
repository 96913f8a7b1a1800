package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What every notification store does, whatever keeps it (SQLite, PostgreSQL, MongoDB), for the
 * inbox and for the mail outbox reading the same entries: each adapter's test extends this with its
 * own store.
 */
abstract class NotificationStoreContract {
    static final Instant AT = Instant.parse("2030-01-07T09:00:00Z");

    abstract NotificationStore store();

    MailQueue mails() {
        return (MailQueue) store();
    }

    @Test
    void a_recipient_is_found_as_saved_and_replaced_by_the_next_save() {
        store().saveRecipient(new Recipient("olga", Set.of(Role.APPROVER, Role.REQUESTER), "olga@example.test"));
        assertThat(store().recipient("olga")).contains(new Recipient("olga", Set.of(Role.APPROVER, Role.REQUESTER),
                "olga@example.test"));

        store().saveRecipient(new Recipient("olga", Set.of(Role.ADMIN), null));

        assertThat(store().recipient("olga")).contains(new Recipient("olga", Set.of(Role.ADMIN), null));
        assertThat(store().recipient("nobody")).isEmpty();
    }

    @Test
    void a_disabled_recipient_is_found_disabled_and_a_later_save_keeps_what_it_says() {
        store().saveRecipient(new Recipient("olga", Set.of(Role.APPROVER), "olga@example.test"));

        store().saveRecipient(new Recipient("olga", Set.of(), "olga@example.test", true));

        assertThat(store().recipient("olga")).contains(new Recipient("olga", Set.of(), "olga@example.test", true));
        assertThat(store().membersOf(Role.APPROVER)).isEmpty();
    }

    @Test
    void a_roles_members_come_in_order_and_follow_their_roles() {
        store().saveRecipient(new Recipient("paul", Set.of(Role.APPROVER), null));
        store().saveRecipient(new Recipient("olga", Set.of(Role.APPROVER, Role.ADMIN), null));
        store().saveRecipient(new Recipient("alice", Set.of(Role.REQUESTER), null));
        assertThat(store().membersOf(Role.APPROVER)).containsExactly("olga", "paul");

        store().saveRecipient(new Recipient("paul", Set.of(Role.REQUESTER), null));

        assertThat(store().membersOf(Role.APPROVER)).containsExactly("olga");
        assertThat(store().membersOf(Role.REQUESTER)).containsExactly("alice", "paul");
        assertThat(store().membersOf(Role.AUDITOR)).isEmpty();
    }

    @Test
    void an_approvals_context_is_found_as_saved() {
        store().saveApproval(new ApprovalContext("a-1", "b-1", "r-1", "alice"));

        assertThat(store().approval("a-1")).contains(new ApprovalContext("a-1", "b-1", "r-1", "alice"));
        assertThat(store().approval("a-2")).isEmpty();
    }

    @Test
    void an_approvals_context_with_its_booking_in_words_and_what_bookings_and_resources_are_called_are_found_as_saved() {
        ApprovalContext worded = new ApprovalContext("a-1", "b-1", "r-1", "alice", "booking “Budget” in Board room",
                "Europe/Berlin");
        store().saveApproval(worded);
        store().saveBooking(new BookingTitle("b-1", "Budget", "r-1"));
        store().saveBooking(new BookingTitle("b-3", "Review", "r-1", "alice"));
        store().saveResource(new ResourcePlace("r-1", "Board room", "Europe/Berlin"));
        store().saveResource(new ResourcePlace("r-1", "Boardroom", "Europe/Berlin"));

        assertThat(store().approval("a-1")).contains(worded);
        assertThat(store().booking("b-1")).contains(new BookingTitle("b-1", "Budget", "r-1"));
        assertThat(store().booking("b-3")).contains(new BookingTitle("b-3", "Review", "r-1", "alice"));
        assertThat(store().resource("r-1")).contains(new ResourcePlace("r-1", "Boardroom", "Europe/Berlin"));
        assertThat(store().booking("b-2")).isEmpty();
        assertThat(store().resource("r-2")).isEmpty();

        store().clear();

        assertThat(store().booking("b-1")).isEmpty();
        assertThat(store().resource("r-1")).isEmpty();
    }

    @Test
    void an_entry_is_added_once_and_a_second_add_leaves_the_first_as_it_was() {
        InboxEntry first = entry("e-1:olga", "olga", AT, MailStatus.PENDING);

        assertThat(store().add(first)).isTrue();
        assertThat(store().add(new InboxEntry("e-1:olga", "olga", "OTHER", null, null, null, null, "changed", AT,
                null, MailStatus.OFF, 0, AT, null))).isFalse();

        assertThat(store().entry("e-1:olga")).contains(first);
        assertThat(store().entry("e-2:olga")).isEmpty();
    }

    @Test
    void an_inbox_is_one_users_newest_entries_first_and_no_more_than_asked() {
        for (int i = 0; i < 5; i++) {
            store().add(entry("e-" + i + ":olga", "olga", AT.plusSeconds(i), MailStatus.OFF));
        }
        store().add(entry("e-9:paul", "paul", AT.plusSeconds(9), MailStatus.OFF));
        store().add(entry("e-4b:olga", "olga", AT.plusSeconds(4), MailStatus.OFF)); // the same instant as e-4

        assertThat(store().inboxOf("olga", 3)).extracting(InboxEntry::id)
                .containsExactly("e-4:olga", "e-4b:olga", "e-3:olga");
        assertThat(store().inboxOf("nobody", 3)).isEmpty();
    }

    @Test
    void clearing_forgets_recipients_contexts_and_entries_but_keeps_the_mails_still_waiting() {
        store().saveRecipient(new Recipient("olga", Set.of(Role.APPROVER), "olga@example.test"));
        store().saveApproval(new ApprovalContext("a-1", "b-1", "r-1", "alice"));
        InboxEntry waiting = entry("e-1:olga", "olga", AT, MailStatus.PENDING);
        store().add(waiting);
        store().add(entry("e-2:olga", "olga", AT, MailStatus.SENT));
        store().add(entry("e-3:olga", "olga", AT, MailStatus.REPLAYED));

        store().clear();

        assertThat(store().recipient("olga")).isEmpty();
        assertThat(store().membersOf(Role.APPROVER)).isEmpty();
        assertThat(store().approval("a-1")).isEmpty();
        assertThat(store().inboxOf("olga", 10)).containsExactly(waiting);
        assertThat(store().add(waiting)).isFalse();
    }

    @Test
    void clearing_keeps_booking_reminders_that_no_replay_writes_again() {
        InboxEntry sent = new InboxEntry("reminder:b-1:1894179600000:olga", "olga", BookingReminders.TYPE, "b-1",
                null, null, null, "Reminder: “Budget” starts at 10:00", AT, "olga@example.test", MailStatus.SENT, 1,
                AT, null);
        store().add(sent);
        store().add(entry("e-2:olga", "olga", AT, MailStatus.SENT));

        store().clear();

        assertThat(store().inboxOf("olga", 10)).containsExactly(sent);
        assertThat(store().add(sent)).isFalse();
    }

    @Test
    void within_one_unit_of_work_a_later_event_sees_what_an_earlier_one_saved() {
        store().saveRecipient(new Recipient("paul", Set.of(Role.APPROVER), null));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().saveRecipient(new Recipient("olga", Set.of(Role.APPROVER), "olga@example.test"));
            store().saveRecipient(new Recipient("paul", Set.of(Role.REQUESTER), null));
            store().saveApproval(new ApprovalContext("a-1", "b-1", "r-1", "alice"));
            assertThat(store().recipient("olga")).map(Recipient::email).contains("olga@example.test");
            assertThat(store().membersOf(Role.APPROVER)).containsExactly("olga");
            assertThat(store().approval("a-1")).isPresent();
            assertThat(store().add(entry("e-1:olga", "olga", AT, MailStatus.PENDING))).isTrue();
            assertThat(store().add(entry("e-1:olga", "olga", AT, MailStatus.PENDING))).isFalse();
            assertThat(store().entry("e-1:olga")).isPresent();
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        assertThat(store().membersOf(Role.APPROVER)).containsExactly("olga");
        assertThat(store().approval("a-1")).isPresent();
        assertThat(store().inboxOf("olga", 10)).extracting(InboxEntry::id).containsExactly("e-1:olga");
    }

    @Test
    void the_outbox_leases_each_due_mail_once_and_skips_the_rest() {
        store().add(entry("later:olga", "olga", AT.plusSeconds(60), MailStatus.PENDING));
        store().add(entry("due:olga", "olga", AT, MailStatus.PENDING));
        store().add(entry("off:olga", "olga", AT, MailStatus.OFF));
        store().add(entry("sent:olga", "olga", AT, MailStatus.SENT));
        Instant lease = AT.plus(Duration.ofMinutes(2));

        Optional<InboxEntry> leased = mails().leaseNextDue(AT, lease);

        assertThat(leased).map(InboxEntry::id).contains("due:olga");
        assertThat(leased).map(InboxEntry::mailNextAttemptAt).contains(lease);
        assertThat(store().entry("due:olga")).map(InboxEntry::mailNextAttemptAt).contains(lease);
        assertThat(mails().leaseNextDue(AT, lease)).isEmpty(); // leased: nobody else takes it meanwhile
        assertThat(mails().leaseNextDue(AT.plusSeconds(60), lease)).map(InboxEntry::id).contains("later:olga");
        assertThat(mails().leaseNextDue(lease, lease.plusSeconds(120))).map(InboxEntry::id).contains("due:olga");
    }

    @Test
    void a_mail_sent_counts_its_attempt_and_a_mail_that_failed_waits_for_its_next_attempt() {
        store().add(entry("ok:olga", "olga", AT, MailStatus.PENDING));
        store().add(entry("down:olga", "olga", AT, MailStatus.PENDING));

        mails().sent("ok:olga");
        mails().failed("down:olga", MailStatus.PENDING, 1, "connection refused", AT.plusSeconds(2));

        assertThat(store().entry("ok:olga")).get().satisfies(e -> {
            assertThat(e.mailStatus()).isEqualTo(MailStatus.SENT);
            assertThat(e.mailAttempts()).isEqualTo(1);
        });
        assertThat(store().entry("down:olga")).get().satisfies(e -> {
            assertThat(e.mailStatus()).isEqualTo(MailStatus.PENDING);
            assertThat(e.mailAttempts()).isEqualTo(1);
            assertThat(e.mailError()).isEqualTo("connection refused");
            assertThat(e.mailNextAttemptAt()).isEqualTo(AT.plusSeconds(2));
        });
        assertThat(mails().leaseNextDue(AT.plusSeconds(1), AT.plusSeconds(100))).isEmpty();
        assertThat(mails().leaseNextDue(AT.plusSeconds(2), AT.plusSeconds(100))).map(InboxEntry::id)
                .contains("down:olga");

        mails().failed("down:olga", MailStatus.FAILED, 8, "still refused", AT.plusSeconds(200));

        assertThat(mails().leaseNextDue(AT.plus(Duration.ofDays(1)), AT.plus(Duration.ofDays(2)))).isEmpty();
    }

    @Test
    void two_pollers_at_once_lease_every_mail_exactly_once() throws Exception {
        for (int i = 0; i < 20; i++) {
            store().add(entry("m-" + i + ":olga", "olga", AT, MailStatus.PENDING));
        }
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        Thread other = new Thread(() -> drain(second));
        other.start();
        drain(first);
        other.join();

        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void a_requester_s_bookings_and_approval_contexts_are_found_by_the_requester_this_batch_s_included() {
        store().saveBooking(new BookingTitle("b-1", "Budget", "r-1", "alice"));
        store().saveBooking(new BookingTitle("b-2", "Retro", "r-1", "bob"));
        store().saveApproval(new ApprovalContext("a-1", "b-1", "r-1", "alice", "booking “Budget” in Board room",
                "UTC"));
        store().saveApproval(new ApprovalContext("a-2", "b-2", "r-1", "bob"));

        assertThat(store().bookingsOf("alice")).extracting(BookingTitle::id).containsExactly("b-1");
        assertThat(store().approvalsOf("alice")).extracting(ApprovalContext::id).containsExactly("a-1");
        assertThat(store().bookingsOf("carol")).isEmpty();

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().saveBooking(new BookingTitle("b-3", "Offsite", "r-2", "alice"));
            store().saveApproval(new ApprovalContext("a-3", "b-3", "r-2", "alice"));
            store().saveBooking(NotificationFold.erased(new BookingTitle("b-1", "Budget", "r-1", "alice")));
            assertThat(store().bookingsOf("alice")).extracting(BookingTitle::id, BookingTitle::title)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("b-1", "[erased]"),
                            org.assertj.core.groups.Tuple.tuple("b-3", "Offsite"));
            assertThat(store().approvalsOf("alice")).extracting(ApprovalContext::id)
                    .containsExactlyInAnyOrder("a-1", "a-3");
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }
        assertThat(store().booking("b-1")).map(BookingTitle::title).contains("[erased]");
        assertThat(store().bookingsOf("alice")).extracting(BookingTitle::id).containsExactlyInAnyOrder("b-1", "b-3");
    }

    @Test
    void the_entries_mentioning_a_person_are_theirs_those_about_their_bookings_and_those_quoting_them() {
        store().add(entry("e-1:alice", "alice", AT, MailStatus.PENDING));
        store().add(about("e-2:olga", "olga", "b-7", "Please approve booking “Budget”"));
        store().add(about("e-3:bob", "bob", "b-9", "Your booking “Retro” was rejected by alice: too long"));
        store().add(about("e-4:bob", "bob", "b-8", "Your booking “Lunch” is confirmed"));
        store().add(about("e-5:carol", "carol", "b-5", "Rejected by alice_b: 100% no"));

        assertThat(store().entriesMentioning("alice", List.of("b-7"), " by alice: ")).extracting(InboxEntry::id)
                .containsExactlyInAnyOrder("e-1:alice", "e-2:olga", "e-3:bob");
        assertThat(store().entriesMentioning("dave", List.of(), null)).isEmpty();
        assertThat(store().entriesMentioning("dave", List.of(), "100% no")).extracting(InboxEntry::id)
                .containsExactly("e-5:carol");
        assertThat(store().entriesMentioning("dave", List.of(), "0_ no")).isEmpty(); // _ is no wildcard

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().add(about("e-6:olga", "olga", "b-7", "Reminder: booking “Budget” awaits your decision"));
            assertThat(store().entriesMentioning("alice", List.of("b-7"), null)).extracting(InboxEntry::id)
                    .containsExactlyInAnyOrder("e-1:alice", "e-2:olga", "e-6:olga");
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }
    }

    @Test
    void a_replaced_entry_has_its_new_words_and_mail_wherever_it_is_read_and_an_unknown_one_stays_unknown() {
        InboxEntry kept = about("e-2:olga", "olga", "b-7", "Please approve booking “Budget”");
        store().add(kept);
        store().add(entry("e-1:alice", "alice", AT, MailStatus.PENDING));

        InboxEntry erased = NotificationFold.erased(kept, "alice", "Budget");
        store().replaceEntry(erased);
        InboxEntry hers = NotificationFold.erased(store().entry("e-1:alice").orElseThrow(), "alice", null);
        store().replaceEntry(hers);
        store().replaceEntry(about("e-9:nobody", "nobody", "b-1", "never kept"));

        assertThat(erased.message()).isEqualTo("Please approve booking “[erased]”");
        assertThat(store().entry("e-2:olga")).contains(erased);
        assertThat(store().inboxOf("olga", 10)).containsExactly(erased);
        assertThat(store().entry("e-1:alice")).contains(hers);
        assertThat(hers.email()).isNull();
        assertThat(hers.mailStatus()).isEqualTo(MailStatus.NO_ADDRESS);
        assertThat(mails().leaseNextDue(AT, AT.plusSeconds(60))).isEmpty(); // her mail never goes out
        assertThat(store().entry("e-9:nobody")).isEmpty();
    }

    @Test
    void an_entry_replaced_in_the_batch_that_added_it_or_a_later_one_is_kept_as_replaced() {
        InboxEntry before = about("e-1:olga", "olga", "b-7", "Please approve booking “Budget”");
        store().add(about("e-2:olga", "olga", "b-7", "Reminder: booking “Budget” awaits you"));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().add(before);
            store().replaceEntry(NotificationFold.erased(before, "alice", "Budget"));
            store().replaceEntry(NotificationFold.erased(store().entry("e-2:olga").orElseThrow(), "alice", "Budget"));
            assertThat(store().entry("e-1:olga")).map(InboxEntry::message)
                    .contains("Please approve booking “[erased]”");
            assertThat(store().entry("e-2:olga")).map(InboxEntry::message)
                    .contains("Reminder: booking “[erased]” awaits you");
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }
        assertThat(store().inboxOf("olga", 10)).extracting(InboxEntry::message).containsExactlyInAnyOrder(
                "Please approve booking “[erased]”", "Reminder: booking “[erased]” awaits you");
    }

    static InboxEntry about(String id, String user, String bookingId, String message) {
        return new InboxEntry(id, user, "APPROVAL_REQUEST", bookingId, null, null, null, message, AT, null,
                MailStatus.OFF, 0, AT, null);
    }

    private void drain(List<String> leased) {
        for (Optional<InboxEntry> next = mails().leaseNextDue(AT, AT.plusSeconds(120)); next.isPresent();
             next = mails().leaseNextDue(AT, AT.plusSeconds(120))) {
            leased.add(next.get().id());
        }
    }

    static InboxEntry entry(String id, String user, Instant at, MailStatus mail) {
        return new InboxEntry(id, user, "APPROVAL_REQUEST", "b-1", "a-1", "http://aura.test/inbox", "tok",
                "Booking b-1 awaits you", at, user + "@example.test", mail, 0, at, null);
    }
}
