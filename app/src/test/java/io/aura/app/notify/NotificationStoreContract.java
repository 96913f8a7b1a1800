package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.notify.NotificationStore.ApprovalContext;
import io.aura.app.notify.NotificationStore.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every notification store does, whatever keeps it: each adapter's test extends this with its own store. */
abstract class NotificationStoreContract {
    static final Instant T = Instant.parse("2030-01-07T09:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(2);

    abstract NotificationStore store();

    static NotificationDocument entry(String id, String user, Instant at, String mailStatus) {
        return new NotificationDocument(id, user, "APPROVAL_REQUEST", "b-1", "a-1", "http://aura.test/inbox", "jwt",
                "Please decide", at, user + "@example.test", mailStatus, 0, at, null);
    }

    static NotificationDocument mail(String id, Instant due) {
        return entry(id, "someone", due, NotificationDocument.PENDING);
    }

    @Test
    void an_entry_is_added_once_and_a_second_add_of_its_id_changes_nothing() {
        NotificationDocument first = entry("e-1", "alice", T, "OFF");

        assertThat(store().add(first)).isTrue();
        assertThat(store().add(new NotificationDocument("e-1", "alice", "APPROVAL_REMINDER", null, null, null, null,
                "other", T.plusSeconds(60), null, NotificationDocument.PENDING, 0, T, null))).isFalse();

        assertThat(store().find("e-1")).contains(first);
        assertThat(store().find("e-2")).isEmpty();
    }

    @Test
    void an_inbox_is_its_users_entries_newest_first_up_to_the_limit() {
        store().add(entry("old", "alice", T, "OFF"));
        store().add(entry("new", "alice", T.plusSeconds(120), "OFF"));
        store().add(entry("middle", "alice", T.plusSeconds(60), "OFF"));
        store().add(entry("not-hers", "bob", T.plusSeconds(90), "OFF"));

        assertThat(store().inboxOf("alice", 10)).extracting(NotificationDocument::id)
                .containsExactly("new", "middle", "old");
        assertThat(store().inboxOf("alice", 2)).extracting(NotificationDocument::id).containsExactly("new", "middle");
        assertThat(store().inboxOf("carol", 10)).isEmpty();
    }

    @Test
    void recipients_are_kept_by_name_and_a_role_lists_its_members_by_name() {
        assertThat(store().noRecipients()).isTrue();
        store().saveRecipient(new Recipient("carol", Set.of("APPROVER"), "carol@example.test"));
        store().saveRecipient(new Recipient("alice", Set.of("APPROVER", "ADMIN"), null));
        store().saveRecipient(new Recipient("bob", Set.of("REQUESTER"), "bob@example.test"));

        assertThat(store().noRecipients()).isFalse();
        assertThat(store().recipient("alice")).contains(new Recipient("alice", Set.of("APPROVER", "ADMIN"), null));
        assertThat(store().recipient("nobody")).isEmpty();
        assertThat(store().membersOf("APPROVER")).containsExactly("alice", "carol");
        assertThat(store().membersOf("AUDITOR")).isEmpty();

        store().saveRecipient(new Recipient("bob", Set.of("REQUESTER", "APPROVER"), "bob@example.test"));

        assertThat(store().membersOf("APPROVER")).containsExactly("alice", "bob", "carol");
        assertThat(store().recipient("bob").orElseThrow().roles()).containsExactlyInAnyOrder("REQUESTER", "APPROVER");
    }

    @Test
    void an_approval_context_is_kept_by_approval() {
        ApprovalContext context = new ApprovalContext("a-1", "b-1", "r-1", "alice");
        store().saveApprovalContext(context);

        assertThat(store().approvalContext("a-1")).contains(context);
        assertThat(store().approvalContext("a-2")).isEmpty();
    }

    @Test
    void a_reset_keeps_only_the_mails_still_waiting_to_go_out() {
        store().add(entry("waiting", "alice", T, NotificationDocument.PENDING));
        store().add(entry("sent", "alice", T, NotificationDocument.SENT));
        store().add(entry("no-mail", "alice", T, "OFF"));
        store().saveRecipient(new Recipient("alice", Set.of("APPROVER"), null));
        store().saveApprovalContext(new ApprovalContext("a-1", "b-1", "r-1", "alice"));

        store().resetKeepingPendingMail();

        assertThat(store().inboxOf("alice", 10)).extracting(NotificationDocument::id).containsExactly("waiting");
        assertThat(store().noRecipients()).isTrue();
        assertThat(store().membersOf("APPROVER")).isEmpty();
        assertThat(store().approvalContext("a-1")).isEmpty();
    }

    @Test
    void a_due_mail_is_claimed_by_moving_its_next_attempt_and_not_again_until_the_lease_has_passed() {
        store().add(mail("m-1", T));

        assertThat(store().claimDueMail(T.minusSeconds(1), T.minusSeconds(1).plus(LEASE))).isEmpty();
        NotificationDocument claimed = store().claimDueMail(T, T.plus(LEASE)).orElseThrow();

        assertThat(claimed.id()).isEqualTo("m-1");
        assertThat(claimed.mailNextAttemptAt()).isEqualTo(T.plus(LEASE));
        assertThat(claimed.mailAttempts()).isZero();
        assertThat(store().find("m-1").orElseThrow().mailNextAttemptAt()).isEqualTo(T.plus(LEASE));
        assertThat(store().claimDueMail(T.plusSeconds(60), T.plusSeconds(60).plus(LEASE))).isEmpty();
        assertThat(store().claimDueMail(T.plus(LEASE), T.plus(LEASE).plus(LEASE))).isPresent();
    }

    @Test
    void only_pending_mails_are_claimed_the_one_due_longest_first() {
        store().add(entry("sent", "alice", T.minusSeconds(60), NotificationDocument.SENT));
        store().add(entry("off", "alice", T.minusSeconds(60), "OFF"));
        store().add(mail("later", T.minusSeconds(10)));
        store().add(mail("earlier", T.minusSeconds(20)));

        assertThat(store().claimDueMail(T, T.plus(LEASE)).orElseThrow().id()).isEqualTo("earlier");
        assertThat(store().claimDueMail(T, T.plus(LEASE)).orElseThrow().id()).isEqualTo("later");
        assertThat(store().claimDueMail(T, T.plus(LEASE))).isEmpty();
    }

    @Test
    void a_sent_mail_counts_its_attempt_and_is_never_claimed_again() {
        store().add(mail("m-1", T));
        store().claimDueMail(T, T.plus(LEASE));

        store().mailSent("m-1");

        NotificationDocument sent = store().find("m-1").orElseThrow();
        assertThat(sent.mailStatus()).isEqualTo(NotificationDocument.SENT);
        assertThat(sent.mailAttempts()).isEqualTo(1);
        assertThat(store().claimDueMail(T.plus(Duration.ofDays(1)), T.plus(Duration.ofDays(2)))).isEmpty();
    }

    @Test
    void a_failed_mail_keeps_its_error_and_waits_for_its_next_attempt_or_is_given_up() {
        store().add(mail("m-1", T));
        store().claimDueMail(T, T.plus(LEASE));

        store().mailFailed("m-1", NotificationDocument.PENDING, 1, "connection refused", T.plusSeconds(2));

        NotificationDocument failed = store().find("m-1").orElseThrow();
        assertThat(failed.mailStatus()).isEqualTo(NotificationDocument.PENDING);
        assertThat(failed.mailAttempts()).isEqualTo(1);
        assertThat(failed.mailError()).isEqualTo("connection refused");
        assertThat(failed.mailNextAttemptAt()).isEqualTo(T.plusSeconds(2));
        assertThat(store().claimDueMail(T.plusSeconds(1), T.plusSeconds(1).plus(LEASE))).isEmpty();
        assertThat(store().claimDueMail(T.plusSeconds(2), T.plusSeconds(2).plus(LEASE)).orElseThrow().mailAttempts())
                .isEqualTo(1);

        store().mailFailed("m-1", NotificationDocument.FAILED, 8, "gave up", T.plusSeconds(3600));

        assertThat(store().find("m-1").orElseThrow().mailStatus()).isEqualTo(NotificationDocument.FAILED);
        assertThat(store().claimDueMail(T.plus(Duration.ofDays(1)), T.plus(Duration.ofDays(2)))).isEmpty();
    }

    @Test
    void two_senders_claiming_at_the_same_time_take_each_mail_once() throws Exception {
        for (int i = 0; i < 30; i++) {
            store().add(mail("m-" + i, T.minusSeconds(i)));
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService senders = Executors.newFixedThreadPool(2)) {
            List<Future<?>> running = new ArrayList<>();
            for (int sender = 0; sender < 2; sender++) {
                running.add(senders.submit(() -> {
                    start.await();
                    for (Optional<NotificationDocument> m = store().claimDueMail(T, T.plus(LEASE)); m.isPresent();
                         m = store().claimDueMail(T, T.plus(LEASE))) {
                        claimed.add(m.get().id());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sender : running) {
                sender.get();
            }
        }

        assertThat(claimed).hasSize(30).doesNotHaveDuplicates();
    }
}
