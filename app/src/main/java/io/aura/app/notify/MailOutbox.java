package io.aura.app.notify;

import io.aura.app.notify.CalendarInvitations.Dropped;
import io.aura.app.notify.CalendarInvitations.Invitation;
import io.aura.app.notify.CalendarInvitations.NotYet;
import io.aura.app.notify.CalendarInvitations.Part;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the inbox's pending mails through the configured SMTP server, outside any command: a mail
 * that fails is retried with backoff (up to {@link #MAX_ATTEMPTS}) and never holds up a decision.
 * Each mail is leased before sending, so two nodes do not send the same one at the same time. A
 * booking's mail carries the booking for the recipient's calendar beside its text (multipart/alternative
 * with a {@code text/calendar; method=...} part, ADR 0035); it waits a moment for the booking views to
 * show what it is about, and goes out as plain text once {@link #WAIT_FOR_VIEWS} has passed.
 */
@Component
public class MailOutbox {
    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    static final int MAX_ATTEMPTS = 8;
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration WAIT_FOR_VIEWS = Duration.ofMinutes(1);

    private final MailQueue mails;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final String from;
    private final CalendarInvitations invitations;

    @Autowired
    public MailOutbox(MailQueue mails, ObjectProvider<JavaMailSender> mailSender, Clock clock,
                      @Value("${aura.mail.from:aura-scheduler@localhost}") String from,
                      CalendarInvitations invitations) {
        this.mails = mails;
        this.mailSender = mailSender;
        this.clock = clock;
        this.from = from;
        this.invitations = invitations;
    }

    /** An outbox that sends text only. */
    public MailOutbox(MailQueue mails, ObjectProvider<JavaMailSender> mailSender, Clock clock, String from) {
        this(mails, mailSender, clock, from, CalendarInvitations.NONE);
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
            Invitation invitation = invitations.of(mail);
            if (invitation instanceof NotYet && now.isBefore(mail.createdAt().plus(WAIT_FOR_VIEWS))) {
                // not an attempt: the views are a moment behind the event this mail is about
                mails.failed(mail.id(), MailStatus.PENDING, mail.mailAttempts(), null, now.plusSeconds(1));
                return;
            }
            if (invitation instanceof Dropped) {
                mails.failed(mail.id(), MailStatus.DROPPED, mail.mailAttempts(), "no longer true", now);
                return;
            }
            String text = mail.message() + "\n\n-- Aura Scheduler";
            if (invitation instanceof Part part) {
                sender.send(withCalendar(sender.createMimeMessage(), mail, text, part));
            } else {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.email());
                message.setSubject(subject(mail));
                message.setText(text);
                sender.send(message);
            }
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

    /** The text, and the booking as a calendar entry beside it: mail programs show the one they can. */
    private MimeMessage withCalendar(MimeMessage message, InboxEntry mail, String text, Part part) {
        try {
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.email()));
            message.setSubject(subject(mail), StandardCharsets.UTF_8.name());
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, StandardCharsets.UTF_8.name());
            MimeBodyPart calendar = new MimeBodyPart();
            String type = "text/calendar; method=" + part.method() + "; charset=UTF-8";
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    part.calendar().getBytes(StandardCharsets.UTF_8), type)));
            calendar.setHeader("Content-Type", type);
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(calendar);
            message.setContent(alternative);
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("the mail could not be put together: " + e.getMessage(), e);
        }
    }

    /** A reminder says in its first line what it is, in its reader's language (ADR 0038); the rest by type. */
    static String subject(InboxEntry mail) {
        return BookingReminders.TYPE.equals(mail.type()) ? BookingReminders.subjectOf(mail.message())
                : subject(mail.type());
    }

    static String subject(String type) {
        return switch (type) {
            case "APPROVAL_REQUEST" -> "Approval requested";
            case "APPROVAL_REMINDER" -> "Reminder: an approval awaits you";
            case "APPROVAL_ESCALATED" -> "Escalated: an approval awaits you";
            case "BOOKING_APPROVED" -> "Your booking is approved";
            case "BOOKING_REJECTED" -> "Your booking was rejected";
            case "APPROVAL_EXPIRED" -> "Your booking's approval expired";
            case "BOOKING_CONFIRMED" -> "Your booking is confirmed";
            case "BOOKING_MOVED" -> "Your booking was moved";
            case "BOOKING_CANCELLED" -> "Your booking is cancelled";
            case "OCCURRENCE_CANCELLED" -> "A date of your booking is cancelled";
            case "BOOKING_NO_SHOW" -> "Your booking was released: nobody checked in";
            default -> "Aura Scheduler";
        };
    }
}
