package io.aura.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The signed-in person's time zone as their browser reports it, so the form shows the times the
 * calendar shows (FullCalendar draws in the browser's zone). Until the browser has told (it does so
 * right after the page loads), and without a browser, the server's zone.
 */
public final class UserZone {
    private UserZone() {}

    public static ZoneId current() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return ZoneId.systemDefault();
        }
        ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id == null || id.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return ZoneId.systemDefault();
        }
    }

    /**
     * The language dates and times are written in: the UI's (English or German), English without a UI
     * (a service called outside a request, a test).
     */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return AuraTranslations.supported(ui == null ? null : ui.getLocale());
    }

    // one way of writing a moment for the whole UI: the weekday, the date and the 24-hour time
    private static final DateTimeFormatter DAY_AND_TIME_EN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_TIME_DE = DateTimeFormatter.ofPattern("EEE, d. MMM yyyy, HH:mm",
            Locale.GERMAN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private static DateTimeFormatter dayAndTime(Locale locale) {
        return AuraTranslations.supported(locale).equals(Locale.GERMAN) ? DAY_AND_TIME_DE : DAY_AND_TIME_EN;
    }

    /** "Mon 7 Dec 2026, 09:00–10:30" in the zone given; the end's date only when it is another day. */
    public static String span(Instant start, Instant end, ZoneId zone) {
        return span(start, end, zone, locale());
    }

    /** As {@link #span(Instant, Instant, ZoneId)} in {@code locale} ("Mo., 7. Dez. 2026, 09:00–10:30" in German). */
    public static String span(Instant start, Instant end, ZoneId zone, Locale locale) {
        if (start == null || end == null) {
            return "";
        }
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        DateTimeFormatter full = dayAndTime(locale);
        return full.format(from) + "–" + (from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to) : full.format(to));
    }

    public static String at(Instant instant, ZoneId zone) {
        return at(instant, zone, locale());
    }

    public static String at(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : dayAndTime(locale).format(instant.atZone(zone));
    }

    /** A zone as people say it: the city of its id, "Australia/Sydney" → "Sydney", "America/New_York" → "New York". */
    public static String city(ZoneId zone) {
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }
}
