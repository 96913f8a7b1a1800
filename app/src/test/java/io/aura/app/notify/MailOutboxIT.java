package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Nothing lost, nothing sent twice: mails wait in the outbox while the SMTP server does not answer
 * and go out once it does; two nodes polling together send each mail once. The mails are due far in
 * the future, so the application's own outbox leaves them to the outboxes built here, each on a
 * clock the test moves; the SMTP servers are real (GreenMail, and a port nobody listens on).
 */
class MailOutboxIT extends IntegrationTest {
    private static final Instant DUE = Instant.parse("2099-01-01T08:00:00Z");

    @Autowired
    NotificationStore notifications;
    @Autowired
    MailQueue mails;

    private static JavaMailSender smtp(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().putAll(Map.of("mail.smtp.connectiontimeout", "2000", "mail.smtp.timeout", "2000"));
        return sender;
    }

    private static JavaMailSender unreachableSmtp() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return smtp(socket.getLocalPort()); // closed again: connections are refused
        }
    }

    private MailOutbox outbox(JavaMailSender sender, Instant now) {
        return new MailOutbox(mails, new StaticListableBeanFactory(Map.of("mailSender", sender))
                .getBeanProvider(JavaMailSender.class), Clock.fixed(now, ZoneOffset.UTC), "aura@test");
    }

    /** A pending mail as the notification inbox writes it. */
    private String pendingMail(String email) {
        String id = "mail-test-" + UUID.randomUUID();
        notifications.add(new InboxEntry(id, "someone", "APPROVAL_REQUEST", null, null, null, null,
                "An approval awaits you", DUE, email, MailStatus.PENDING, 0, DUE, null));
        return id;
    }

    private InboxEntry stored(String id) {
        return notifications.entry(id).orElseThrow();
    }

    private static List<MimeMessage> receivedBy(String email) {
        return Arrays.stream(IntegrationTest.SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void a_mail_the_smtp_server_does_not_take_waits_with_backoff_and_goes_out_once_the_server_answers() throws Exception {
        String email = unique("down") + "@outbox.test";
        String id = pendingMail(email);
        JavaMailSender down = unreachableSmtp();
        JavaMailSender up = smtp(IntegrationTest.SMTP.getSmtp().getPort());

        outbox(down, DUE).sendDue();
        InboxEntry failedOnce = stored(id);
        assertThat(failedOnce.mailStatus()).isEqualTo(MailStatus.PENDING);
        assertThat(failedOnce.mailAttempts()).isEqualTo(1);
        assertThat(failedOnce.mailError()).isNotBlank();
        assertThat(failedOnce.mailNextAttemptAt()).isEqualTo(DUE.plusSeconds(2));

        outbox(down, DUE.plusSeconds(1)).sendDue(); // before the backoff has passed: not tried
        assertThat(stored(id).mailAttempts()).isEqualTo(1);

        outbox(down, DUE.plusSeconds(2)).sendDue();
        assertThat(stored(id).mailAttempts()).isEqualTo(2);
        assertThat(stored(id).mailNextAttemptAt()).isEqualTo(DUE.plusSeconds(2 + 4));
        assertThat(receivedBy(email)).isEmpty();

        outbox(up, DUE.plusSeconds(6)).sendDue();
        outbox(up, DUE.plus(Duration.ofHours(1))).sendDue(); // a sent mail is never sent again

        assertThat(stored(id).mailStatus()).isEqualTo(MailStatus.SENT);
        assertThat(stored(id).mailAttempts()).isEqualTo(3);
        assertThat(receivedBy(email)).hasSize(1);
        assertThat(receivedBy(email).get(0).getSubject()).isEqualTo("Approval requested");
    }

    @Test
    void a_mail_that_fails_eight_times_is_marked_failed_with_its_error_and_no_longer_tried() throws Exception {
        String id = pendingMail(unique("never") + "@outbox.test");
        JavaMailSender down = unreachableSmtp();
        Instant now = DUE;
        for (int attempt = 1; attempt <= MailOutbox.MAX_ATTEMPTS + 2; attempt++) {
            outbox(down, now).sendDue();
            now = now.plus(Duration.ofHours(2)); // past any backoff
        }

        InboxEntry failed = stored(id);
        assertThat(failed.mailStatus()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.mailAttempts()).isEqualTo(MailOutbox.MAX_ATTEMPTS);
        assertThat(failed.mailError()).isNotBlank();
    }

    @Test
    void two_nodes_polling_at_the_same_time_send_each_mail_once() throws Exception {
        String email = unique("twice") + "@outbox.test";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(pendingMail(email));
        }
        JavaMailSender up = smtp(IntegrationTest.SMTP.getSmtp().getPort());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> nodes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) { // a thread each (the common pool has one here)
            for (int node = 0; node < 2; node++) {
                MailOutbox outbox = outbox(up, DUE);
                nodes.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    outbox.sendDue();
                }, threads));
            }
            start.countDown();
            CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get();
        }

        assertThat(ids).allSatisfy(id -> {
            assertThat(stored(id).mailStatus()).isEqualTo(MailStatus.SENT);
            assertThat(stored(id).mailAttempts()).isEqualTo(1);
        });
        assertThat(receivedBy(email)).hasSize(20);
    }
}
