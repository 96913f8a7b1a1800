package io.aura.ui.booking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.shared.Registration;
import io.aura.kernel.booking.BookingStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A day/week/month calendar: FullCalendar's prebuilt bundle served as a static resource (ADR 0009),
 * driven from the server. Entries go down as JSON; the visible range, selections of free time and
 * clicks on entries come back as events.
 */
@Tag("div")
@JavaScript("context://vendor/fullcalendar-6.1.20/index.global.min.js")
@JavaScript("context://vendor/fullcalendar-6.1.20/locales/de.global.min.js")
@JavaScript("context://aura/calendar-connector.js")
public class AuraCalendar extends Component implements HasSize {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One block on the calendar: a booking of {@code resourceId} in its {@code status}, the viewer's own
     * ({@code mine}) or someone else's, coloured by {@link CalendarColours}; or a closed time (a blackout,
     * an Outlook meeting; no status) drawn as a grey background.
     */
    public record Entry(String id, String title, Instant start, Instant end, BookingStatus status, String resourceId,
                        boolean mine, String categoryColour) {
        /** A booking without a category: in its resource's colour. */
        public Entry(String id, String title, Instant start, Instant end, BookingStatus status, String resourceId,
                     boolean mine) {
            this(id, title, start, end, status, resourceId, mine, null);
        }

        /** A booking whose resource and owner do not matter here: the first colour, drawn as someone else's. */
        public Entry(String id, String title, Instant start, Instant end, BookingStatus status) {
            this(id, title, start, end, status, null, false, null);
        }

        public static Entry closed(String id, String title, Instant start, Instant end) {
            return new Entry(id, title, start, end, null, null, false, null);
        }

        boolean isClosed() {
            return status == null;
        }
    }

    private List<Entry> entries = List.of();
    private final String initialView;
    private final boolean toolbar;

    /** A week calendar (a day on narrow screens) with its own toolbar. */
    public AuraCalendar() {
        this("timeGridWeek", true);
    }

    /**
     * {@code initialView}: FullCalendar's view name, e.g. timeGridDay, timeGridWeek, dayGridMonth;
     * {@code toolbar} false: no navigation of its own (calendars side by side share one, see {@link #prev()}).
     */
    public AuraCalendar(String initialView, boolean toolbar) {
        this.initialView = initialView;
        this.toolbar = toolbar;
        getElement().getClassList().add("aura-calendar");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        ClientLocale locale = ClientLocale.of(attachEvent.getUI().getLocale());
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("locale", locale.code());
        options.put("firstDay", locale.firstDay());
        options.put("toolbar", toolbar);
        getElement().executeJs("window.auraCalendar.init(this, $0, $1, $2)", json(entries), initialView,
                JSON.writeValueAsString(options));
    }

    /**
     * FullCalendar's locale for the UI's language (its German texts ship in the vendored locale file;
     * English is built in, formatted as en-GB — 24 hours, day before month — like the rest of the UI,
     * unless the locale names its country) and the first day of the week there (0 Sunday … 6 Saturday).
     */
    record ClientLocale(String code, int firstDay) {
        static ClientLocale of(Locale locale) {
            Locale shown = locale == null ? Locale.ENGLISH : locale;
            String country = shown.getCountry();
            String code = "de".equals(shown.getLanguage()) ? (country.isEmpty() ? "de" : "de-" + country)
                    : country.isEmpty() ? "en-GB" : "en-" + country;
            // a language without a country says nothing about weeks: Monday, as ISO 8601 and most of Europe
            DayOfWeek first = country.isEmpty() ? DayOfWeek.MONDAY : WeekFields.of(shown).getFirstDayOfWeek();
            return new ClientLocale(code, first.getValue() % 7);
        }
    }

    /** Shows the previous day, week or month (it reports the new range back). */
    public void prev() {
        getElement().executeJs("window.auraCalendar.go(this, 'prev')");
    }

    public void next() {
        getElement().executeJs("window.auraCalendar.go(this, 'next')");
    }

    public void today() {
        getElement().executeJs("window.auraCalendar.go(this, 'today')");
    }

    public void setEntries(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        getElement().executeJs("window.auraCalendar.setEvents(this, $0)", json(this.entries));
    }

    /** Moves the calendar to the day, week or month that holds {@code instant} (it reports the new range back). */
    public void show(Instant instant) {
        getElement().executeJs("window.auraCalendar.show(this, $0)", instant.toString());
    }

    static String json(List<Entry> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", e.id());
            event.put("title", e.title());
            event.put("start", e.start().toString());
            event.put("end", e.end().toString());
            CalendarColours.Look look = e.isClosed() ? CalendarColours.closed()
                    : CalendarColours.look(e.resourceId(), e.categoryColour(), e.mine(), e.status());
            if (e.isClosed()) {
                // blackouts and Outlook meetings: shaded behind the bookings, not clickable
                event.put("display", "background");
            }
            event.put("backgroundColor", look.background());
            event.put("borderColor", look.border());
            event.put("textColor", look.text());
            event.put("classNames", look.classes());
            out.add(event);
        }
        return JSON.writeValueAsString(out);
    }

    /** {@code title}: FullCalendar's own heading of the range, in the calendar's locale. */
    @ClientCallable
    void visibleRange(String start, String end, String title) {
        fireEvent(new RangeEvent(this, true, Instant.parse(start), Instant.parse(end), false, title));
    }

    @ClientCallable
    void selected(String start, String end) {
        fireEvent(new RangeEvent(this, true, Instant.parse(start), Instant.parse(end), true, null));
    }

    @ClientCallable
    void entryClicked(String id) {
        fireEvent(new EntryClickEvent(this, true, id));
    }

    /** The calendar shows another range ({@code selection} false), or the user selected free time. */
    public static class RangeEvent extends ComponentEvent<AuraCalendar> {
        private final Instant start;
        private final Instant end;
        private final boolean selection;
        private final String title;

        RangeEvent(AuraCalendar source, boolean fromClient, Instant start, Instant end, boolean selection,
                   String title) {
            super(source, fromClient);
            this.start = start;
            this.end = end;
            this.selection = selection;
            this.title = title;
        }

        public Instant start() { return start; }

        public Instant end() { return end; }

        public boolean selection() { return selection; }

        /** The range's heading as the calendar shows it (null for a selection). */
        public String title() { return title; }
    }

    public static class EntryClickEvent extends ComponentEvent<AuraCalendar> {
        private final String id;

        EntryClickEvent(AuraCalendar source, boolean fromClient, String id) {
            super(source, fromClient);
            this.id = id;
        }

        public String id() { return id; }
    }

    public Registration addRangeListener(com.vaadin.flow.component.ComponentEventListener<RangeEvent> listener) {
        return addListener(RangeEvent.class, listener);
    }

    public Registration addEntryClickListener(com.vaadin.flow.component.ComponentEventListener<EntryClickEvent> listener) {
        return addListener(EntryClickEvent.class, listener);
    }
}
