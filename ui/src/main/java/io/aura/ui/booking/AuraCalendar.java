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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A day/week/month calendar: FullCalendar's prebuilt bundle served as a static resource (ADR 0009),
 * driven from the server. Entries go down as JSON; the visible range, selections of free time and
 * clicks on entries come back as events.
 */
@Tag("div")
@JavaScript("context://vendor/fullcalendar-6.1.20/index.global.min.js")
@JavaScript("context://aura/calendar-connector.js")
public class AuraCalendar extends Component implements HasSize {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One block on the calendar: a booking in its {@code status} (pending ones are drawn lighter), or a
     * closed time (a blackout, an Outlook meeting; no status) drawn as a shaded background.
     */
    public record Entry(String id, String title, Instant start, Instant end, BookingStatus status) {
        public static Entry closed(String id, String title, Instant start, Instant end) {
            return new Entry(id, title, start, end, null);
        }

        boolean isClosed() {
            return status == null;
        }
    }

    private List<Entry> entries = List.of();
    private final String initialView;

    /** A week calendar (a day on narrow screens). */
    public AuraCalendar() {
        this("timeGridWeek");
    }

    /** {@code initialView}: FullCalendar's view name, e.g. timeGridDay, timeGridWeek, dayGridMonth. */
    public AuraCalendar(String initialView) {
        this.initialView = initialView;
        getElement().getClassList().add("aura-calendar");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        getElement().executeJs("window.auraCalendar.init(this, $0, $1)", json(entries), initialView);
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
            if (e.isClosed()) {
                // blackouts and Outlook meetings: shaded behind the bookings, not clickable
                event.put("display", "background");
                event.put("backgroundColor", "#6b7280");
                event.put("classNames", List.of("aura-closed"));
                out.add(event);
                continue;
            }
            boolean pending = e.status() == BookingStatus.PENDING_APPROVAL;
            event.put("backgroundColor", pending ? "#fde7b0" : "#1a6fd6");
            event.put("borderColor", pending ? "#b7791f" : "#1a6fd6");
            event.put("textColor", pending ? "#5c3d00" : "#ffffff");
            event.put("classNames", List.of("aura-booking", "aura-" + e.status().name().toLowerCase()));
            out.add(event);
        }
        return JSON.writeValueAsString(out);
    }

    @ClientCallable
    void visibleRange(String start, String end) {
        fireEvent(new RangeEvent(this, true, Instant.parse(start), Instant.parse(end), false));
    }

    @ClientCallable
    void selected(String start, String end) {
        fireEvent(new RangeEvent(this, true, Instant.parse(start), Instant.parse(end), true));
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

        RangeEvent(AuraCalendar source, boolean fromClient, Instant start, Instant end, boolean selection) {
            super(source, fromClient);
            this.start = start;
            this.end = end;
            this.selection = selection;
        }

        public Instant start() { return start; }

        public Instant end() { return end; }

        public boolean selection() { return selection; }
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
