package io.aura.app.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the inbox's pending mails through the configured SMTP server, outside any command: a mail
 * that fails is retried with backoff (up to {@link #MAX_ATTEMPTS}) and never holds up a decision.
 * Each mail is leased before sending, so two nodes do not send the same one at the same time.
 */
@Component
public class MailOutbox {
    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    static final int MAX_ATTEMPTS = 8;
    static final Duration LEASE = Duration.ofMinutes(2);

    private final MailQueue mails;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final String from;

    public MailOutbox(MailQueue mails, ObjectProvider<JavaMailSender> mailSender, Clock clock,
                      @Value("${aura.mail.from:aura-scheduler@localhost}") String from) {
        this.mails = mails;
        this.mailSender = mailSender;
        this.clock = clock;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${aura.mail.poll-interval:PT1S}")
    public void sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (int i = 0; i < 50; i++) {
            Instant now = clock.instant();
            InboxEntry mail = mails.leaseNextDue(now, now.plus(LEASE)).orElse(null);
            if (mail == null) {
                return;
            }
            send(sender, mail, now);
        }
    }

    private void send(JavaMailSender sender, InboxEntry mail, Instant now) {
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.email());
            message.setSubject(subject(mail.type()));
            message.setText(mail.message() + "\n\n-- Aura Scheduler");
            sender.send(message);
            mails.sent(mail.id());
        } catch (RuntimeException e) {
            int attempts = mail.mailAttempts() + 1;
            boolean giveUp = attempts >= MAX_ATTEMPTS;
            log.warn("Mail {} to {} failed (attempt {}{}): {}", mail.id(), mail.email(), attempts,
                    giveUp ? ", giving up" : "", e.toString());
            mails.failed(mail.id(), giveUp ? MailStatus.FAILED : MailStatus.PENDING, attempts, e.getMessage(),
                    now.plus(Backoff.after(attempts)));
        }
    }

    static String subject(String type) {
        return switch (type) {
            case "APPROVAL_REQUEST" -> "Approval requested";
            case "APPROVAL_REMINDER" -> "Reminder: an approval awaits you";
            case "APPROVAL_ESCALATED" -> "Escalated: an approval awaits you";
            case "BOOKING_APPROVED" -> "Your booking is approved";
            case "BOOKING_REJECTED" -> "Your booking was rejected";
            case "APPROVAL_EXPIRED" -> "Your booking's approval expired";
            case "BOOKING_NO_SHOW" -> "Your booking was released: nobody checked in";
            default -> "Aura Scheduler";
        };
    }
}
