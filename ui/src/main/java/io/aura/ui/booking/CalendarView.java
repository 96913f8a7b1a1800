package io.aura.ui.booking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.ui.LiveWhileAttached;
import io.aura.ui.MainLayout;
import io.aura.ui.ResourceDirectory;
import io.aura.ui.UserZone;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Availability at a glance: a day/week/month calendar of all resources, one, or several side by
 * side (a day each), live (any change by anyone arrives by push within a second). Selecting free
 * time, or "New booking", opens the request form; a click on a booking opens its details.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Calendar · Aura Scheduler")
@PermitAll
public class CalendarView extends VerticalLayout {
    private final BookingDesk bookings;
    private final CalendarDesk calendars;
    private final ResourceDirectory resources;
    private final AuthenticationContext authentication;
    private final MultiSelectComboBox<ResourceView> chosen = new MultiSelectComboBox<>("Resources");
    private final HorizontalLayout columns = new HorizontalLayout();
    private final List<Column> shown = new ArrayList<>();

    /** One calendar on screen: the resource it shows (null: all) and the range it shows now. */
    private static final class Column {
        final AuraCalendar calendar;
        final ResourceView resource;
        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(7, ChronoUnit.DAYS);
        Instant to = from.plus(21, ChronoUnit.DAYS);
        /** The bookings drawn now, by id (a click on someone else's shows what is drawn, no more). */
        Map<String, CalendarEntry> entries = Map.of();

        Column(AuraCalendar calendar, ResourceView resource) {
            this.calendar = calendar;
            this.resource = resource;
        }
    }

    public CalendarView(BookingDesk bookings, CalendarDesk calendars, ResourceDirectory resources,
                        AuthenticationContext authentication) {
        this.calendars = calendars;
        this.bookings = bookings;
        this.resources = resources;
        this.authentication = authentication;
        setSizeFull();

        chosen.setItems(resources.all());
        chosen.setItemLabelGenerator(r -> r.spec().name() + " (" + r.spec().capacity() + ")");
        chosen.setPlaceholder("All resources");
        chosen.setHelperText("Choose several to see them side by side");
        chosen.setId("calendar-resources");
        chosen.addValueChangeListener(e -> rebuild());
        Button book = new Button("New booking", e -> openRequest(null, null, null));
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.setId("new-booking");
        // as the API: only a REQUESTER or an ADMIN asks for bookings (BookingDesk checks it again)
        book.setVisible(mayRequest());
        HorizontalLayout bar = new HorizontalLayout(chosen, book);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.expand(chosen);

        columns.setSizeFull();
        add(bar, columns);
        expand(columns);
        rebuild();
        LiveWhileAttached.keep(this, this::reloadAll, ui -> calendars.watch(null, burst -> ui.access(this::reloadAll)));
    }

    private void rebuild() {
        columns.removeAll();
        shown.clear();
        List<ResourceView> selected = new ArrayList<>(chosen.getSelectedItems());
        if (selected.size() <= 1) {
            ResourceView only = selected.isEmpty() ? null : selected.get(0);
            columns.add(column(new Column(new AuraCalendar(), only), "calendar"));
        } else {
            for (int i = 0; i < selected.size(); i++) {
                columns.add(column(new Column(new AuraCalendar("timeGridDay"), selected.get(i)), "calendar-" + i));
            }
        }
    }

    private VerticalLayout column(Column column, String id) {
        column.calendar.setId(id);
        column.calendar.setSizeFull();
        column.calendar.addRangeListener(e -> {
            if (e.selection()) {
                if (mayRequest()) {
                    openRequest(column.resource, e.start(), e.end());
                }
            } else {
                column.from = e.start();
                column.to = e.end();
                reload(column);
            }
        });
        column.calendar.addEntryClickListener(e -> bookings.bookingIfAllowed(e.id()).ifPresentOrElse(this::showDetails,
                () -> showEntry(column.entries.get(e.id()))));
        shown.add(column);
        // the calendar draws in the browser's zone; the resource's own zone is named so nobody reads one as the other
        String yours = "times in your zone, " + UserZone.current().getId();
        Span heading = new Span(column.resource == null ? "All resources · " + yours
                : column.resource.spec().name() + " · resource in " + column.resource.spec().timeZone() + " · "
                        + yours);
        heading.getStyle().set("font-weight", "600");
        VerticalLayout box = new VerticalLayout(heading, column.calendar);
        box.setPadding(false);
        box.setSizeFull();
        box.expand(column.calendar);
        return box;
    }

    private boolean mayRequest() {
        List<String> roles = MainLayout.roles(authentication);
        return roles.contains("REQUESTER") || roles.contains("ADMIN");
    }

    /**
     * Who asked and for how many is the owner's, an approver's, an admin's or an auditor's to see (as
     * GET /events/status); anyone else sees what the calendar shows of an active booking, nothing more.
     */
    private void showDetails(BookingView booking) {
        String me = authentication.getPrincipalName().orElse("");
        new BookingDetails(bookings, booking, nameOf(booking.resourceId()), me,
                MainLayout.roles(authentication).contains("ADMIN"), this::reloadAll).open();
    }

    /** Someone else's booking: what the calendar already shows of it (the service refuses the rest). */
    private void showEntry(CalendarEntry entry) {
        if (entry != null && entry.status().isActive()) {
            Notification.show(entry.title() + " · " + nameOf(entry.resourceId()) + " · "
                    + entry.status().name().replace('_', ' ').toLowerCase(), 4000, Notification.Position.MIDDLE);
        }
    }

    private void openRequest(ResourceView resource, Instant start, Instant end) {
        Instant s = start != null ? start : Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        ResourceView preselected = resource != null ? resource
                : chosen.getSelectedItems().size() == 1 ? chosen.getSelectedItems().iterator().next() : null;
        new RequestDialog(bookings, resources.all(), preselected, s, end != null ? end : s.plus(Duration.ofHours(1)),
                this::showBooked).open();
    }

    /** After a request: each calendar shows the booking's day or week (a suggestion may lie in another). */
    private void showBooked(Instant start) {
        for (Column column : shown) {
            if (start.isBefore(column.from) || !start.isBefore(column.to)) {
                column.calendar.show(start); // the range it reports back reloads it
            } else {
                reload(column);
            }
        }
    }

    private void reloadAll() {
        shown.forEach(this::reload);
    }

    private void reload(Column column) {
        String resourceId = column.resource == null ? null : column.resource.id();
        Map<String, String> names = resources.all().stream()
                .collect(Collectors.toMap(ResourceView::id, r -> r.spec().name(), (a, b) -> a));
        List<CalendarEntry> drawn = calendars.calendar(column.from, column.to, resourceId);
        column.entries = drawn.stream().collect(Collectors.toMap(CalendarEntry::bookingId, e -> e, (a, b) -> a));
        List<AuraCalendar.Entry> entries = new java.util.ArrayList<>(drawn.stream()
                .map(e -> new AuraCalendar.Entry(e.bookingId(), label(e, names, resourceId == null), e.start(),
                        e.end(), e.status()))
                .toList());
        if (resourceId != null) {
            // one resource's column: when it is closed or busy in Outlook, shaded
            calendars.closedTimes(column.from, column.to, resourceId).forEach(c -> entries.add(AuraCalendar.Entry.closed(
                    "closed-" + c.start() + "-" + c.source(), c.source() == io.aura.kernel.schedule.Conflict.Source.BLACKOUT
                            ? "Closed" + (c.reason() == null ? "" : ": " + c.reason()) : "Busy in Outlook",
                    c.start(), c.end())));
        }
        column.calendar.setEntries(entries);
    }

    private String nameOf(String resourceId) {
        return resources.all().stream().filter(r -> r.id().equals(resourceId)).map(r -> r.spec().name()).findFirst()
                .orElse(resourceId);
    }

    private static String label(CalendarEntry e, Map<String, String> names, boolean withResource) {
        String pending = e.status() == BookingStatus.PENDING_APPROVAL ? " (pending)" : "";
        return e.title() + pending + (withResource ? " · " + names.getOrDefault(e.resourceId(), "") : "");
    }
}
