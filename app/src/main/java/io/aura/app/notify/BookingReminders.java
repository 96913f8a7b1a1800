package io.aura.app.notify;

import io.aura.app.notify.NotificationFold.Notice;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.identity.PreferredLanguage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which dates are due for their reminder mail, and what it says (ADR 0038): pure, so the sweep only reads
 * and writes. A reminder is a delivery, not a decision: it is an inbox entry whose id is its idempotency key
 * (booking, date, kind, user), so adding it twice, from two sweeps or two nodes, adds it once.
 */
public final class BookingReminders {
    public static final String TYPE = "BOOKING_REMINDER";
    private static final String KEY_PREFIX = "reminder:";

    private BookingReminders() {}

    /**
     * The confirmed dates among {@code active} that start after {@code now} and no later than {@code before}
     * from it, earliest first. None when {@code before} is zero or negative (reminders switched off).
     */
    static List<CalendarEntry> due(List<CalendarEntry> active, Instant now, Duration before) {
        if (before.isZero() || before.isNegative()) {
            return List.of();
        }
        Instant until = now.plus(before);
        return active.stream()
                .filter(d -> d.status() == BookingStatus.CONFIRMED)
                .filter(d -> d.start().isAfter(now) && !d.start().isAfter(until))
                .sorted(Comparator.comparing(CalendarEntry::start).thenComparing(CalendarEntry::bookingId))
                .toList();
    }

    /**
     * The key of the reminder of one date, before the user is added to make the entry's id (as an event's id
     * is for the other entries): a moved date has a new start, so a new key, and is reminded at its new time.
     */
    public static String key(String bookingId, Instant start) {
        return KEY_PREFIX + bookingId + ":" + start.toEpochMilli();
    }

    /** The date a reminder entry is about, read back from its id; empty for any other entry. */
    public static Optional<Instant> dateOf(InboxEntry entry) {
        String prefix = KEY_PREFIX + entry.bookingId() + ":";
        if (!TYPE.equals(entry.type()) || entry.bookingId() == null || !entry.id().startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = entry.id().substring(prefix.length());
        int end = rest.indexOf(':');
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(end < 0 ? rest : rest.substring(0, end))));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    private static final DateTimeFormatter EN_DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter DE_DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d. MMM yyyy, HH:mm",
            Locale.GERMAN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /**
     * The reminder of one date for the booking's requester, in their language (English unless they chose
     * German): a first line the mail takes as its subject, then when and where. Nothing for a booking whose
     * requester this inbox never learnt.
     */
    static Optional<Notice> notice(CalendarEntry date, Optional<BookingTitle> booking, Optional<ResourcePlace> resource,
                                   Optional<PreferredLanguage> language) {
        if (booking.map(BookingTitle::requester).isEmpty()) {
            return Optional.empty();
        }
        String title = Optional.ofNullable(date.title()).filter(t -> !t.isBlank()).orElse(booking.get().title());
        ZoneId zone = ZoneId.of(resource.map(ResourcePlace::timeZone).filter(NotificationFold::knownZone)
                .orElse("UTC"));
        String place = resource.map(ResourcePlace::name).orElse(date.resourceId());
        ZonedDateTime from = date.start().atZone(zone);
        ZonedDateTime to = date.end().atZone(zone);
        boolean german = language.orElse(PreferredLanguage.ENGLISH) == PreferredLanguage.GERMAN;
        DateTimeFormatter day = german ? DE_DAY_AND_TIME : EN_DAY_AND_TIME;
        String span = day.format(from) + "–" + (from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to)
                : day.format(to)) + " (" + zone.getId() + ")";
        String text = german
                ? "Erinnerung: „" + title + "“ beginnt um " + TIME.format(from) + "\n\nIhre Buchung „" + title
                        + "“ in " + place + " beginnt bald: " + span + "."
                : "Reminder: “" + title + "” starts at " + TIME.format(from) + "\n\nYour booking “" + title
                        + "” in " + place + " starts soon: " + span + ".";
        return Optional.of(new Notice(booking.get().requester(), TYPE, date.bookingId(), null, null, null, text));
    }

    /** A reminder's mail subject: the first line of its text. */
    static String subjectOf(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
