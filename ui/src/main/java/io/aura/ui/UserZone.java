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

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** "Mon 7 Dec 2026, 09:00–10:30" in the zone given; the end's date only when it is another day. */
    public static String span(Instant start, Instant end, ZoneId zone) {
        if (start == null || end == null) {
            return "";
        }
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        return DAY_AND_TIME.format(from) + "–"
                + (from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to) : DAY_AND_TIME.format(to));
    }

    public static String at(Instant instant, ZoneId zone) {
        return instant == null ? "" : DAY_AND_TIME.format(instant.atZone(zone));
    }
}
