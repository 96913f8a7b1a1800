package io.aura.app.notify;

import io.aura.app.notify.NotificationFold.Notice;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.identity.PreferredLanguage;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.query.store.ViewChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminder mails (ADR 0038): every few seconds, on every node, asks the booking view for the confirmed
 * dates starting within {@code aura.mail.booking-reminder-before} and puts a reminder for each into its
 * requester's inbox and the mail outbox. The entry's id is the reminder's key (booking, date, kind, user),
 * and the store only ever adds an entry once, so a second sweep, a restart or another node adds nothing:
 * one mail per date. The outbox checks again when it sends, so a date cancelled, moved or begun since is
 * not reminded.
 */
@Component
public class BookingReminderSweep {
    private static final Logger log = LoggerFactory.getLogger(BookingReminderSweep.class);

    private final QueryGateway queries;
    private final NotificationStore store;
    private final QueryUpdateEmitter emitter;
    private final Clock clock;
    private final Duration before;
    private final boolean mailEnabled;
    private final ViewChanges otherNodes;

    public BookingReminderSweep(QueryGateway queries, NotificationStore store, QueryUpdateEmitter emitter, Clock clock,
                                Duration before, String mailHost) {
        this(queries, store, emitter, clock, before, mailHost, Optional.empty());
    }

    /** With {@code otherNodes}: the bells open on other nodes hear of the reminders added here (ADR 0053). */
    @Autowired
    public BookingReminderSweep(QueryGateway queries, NotificationStore store, QueryUpdateEmitter emitter, Clock clock,
                                @Value("${aura.mail.booking-reminder-before:PT30M}") Duration before,
                                @Value("${spring.mail.host:}") String mailHost, Optional<ViewChanges> otherNodes) {
        this.otherNodes = otherNodes.orElse(ViewChanges.NONE);
        this.queries = queries;
        this.store = store;
        this.emitter = emitter;
        this.clock = clock;
        this.before = before;
        this.mailEnabled = !mailHost.isBlank();
    }

    @Scheduled(initialDelayString = "${aura.mail.booking-reminder-sweep-interval:PT10S}",
            fixedDelayString = "${aura.mail.booking-reminder-sweep-interval:PT10S}")
    public void sweep() {
        sweepAt(clock.instant());
    }

    /** One sweep over every resource as if it were {@code now}; answers how many reminders it added. */
    public int sweepAt(Instant now) {
        return sweepAt(now, null);
    }

    /**
     * One sweep over one resource's dates (null: all) as if it were {@code now}: which dates are due is
     * decided at {@code now}; the entries are written at the clock's time (when they are really written,
     * and due for the outbox at once). Answers how many reminders it added.
     */
    public int sweepAt(Instant now, String resourceId) {
        if (before.isZero() || before.isNegative()) {
            return 0; // switched off
        }
        List<CalendarEntry> window;
        try {
            // overlapping [now, now + before]: a date starting at its end is due too
            window = queries.query(new FindCalendar(now, now.plus(before).plusMillis(1), resourceId),
                    ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join();
        } catch (RuntimeException e) {
            log.warn("Reminder sweep could not read the booking view: {}", e.toString());
            return 0;
        }
        int added = 0;
        for (CalendarEntry date : BookingReminders.due(window, now, before)) {
            try {
                added += remind(date) ? 1 : 0;
            } catch (RuntimeException e) {
                // another node added it first, or the store is busy: the next sweep looks again
                log.debug("Reminder of booking {} at {} not added this time: {}", date.bookingId(), date.start(),
                        e.toString());
            }
        }
        return added;
    }

    private boolean remind(CalendarEntry date) {
        Optional<BookingTitle> booking = store.booking(date.bookingId());
        String requester = booking.map(BookingTitle::requester).orElse(null);
        if (requester == null) {
            return false; // the inbox has not seen its request (yet), or it was kept before requesters were
        }
        String key = BookingReminders.key(date.bookingId(), date.start());
        if (store.entry(key + ":" + requester).isPresent()) {
            return false;
        }
        Optional<Recipient> who = store.recipient(requester);
        if (!NotificationFold.reaches(who)) {
            return false;
        }
        Optional<Notice> notice = BookingReminders.notice(date, booking, store.resource(date.resourceId()),
                languageOf(requester));
        if (notice.isEmpty()) {
            return false;
        }
        Instant at = clock.instant();
        InboxEntry entry = NotificationFold.entry(key, at, notice.get(), who, false, mailEnabled, at);
        if (!store.add(entry)) {
            return false;
        }
        otherNodes.notificationAdded(entry.id()); // added at once, outside any batch: told at once
        NotificationInbox.publish(emitter, entry);
        return true;
    }

    private Optional<PreferredLanguage> languageOf(String username) {
        return queries.query(new FindUser(username), ResponseTypes.optionalInstanceOf(UserView.class)).join()
                .map(UserView::language).flatMap(PreferredLanguage::ofTag);
    }
}
