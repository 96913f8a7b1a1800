package io.aura.ui.booking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.aura.kernel.booking.BookingPrivacy;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.category.CategoryQueries.CategoryView;
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
 * side (a day each, moved together by one toolbar), live (any change by anyone arrives by push within
 * a second). Each resource keeps its colour, the viewer's own bookings are solid, others' outlined,
 * pending ones striped, closed time grey; a legend says so. Selecting free time, or "New booking",
 * opens the request form; a click on a booking opens its details.
 */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class CalendarView extends VerticalLayout implements HasDynamicTitle {
    private final BookingDesk bookings;
    private final WaitlistDesk waitlist;
    private final CalendarDesk calendars;
    private final ResourceDirectory resources;
    private final AuthenticationContext authentication;
    private final MultiSelectComboBox<ResourceView> chosen = new MultiSelectComboBox<>();
    private final HorizontalLayout columns = new HorizontalLayout();
    /** Calendars side by side share this toolbar: one set of arrows moves them all. */
    private final HorizontalLayout sharedToolbar = new HorizontalLayout();
    private final Span sharedTitle = new Span();
    /** Which resource has which colour, for what is on screen now (all resources in one calendar). */
    private final Div resourceKey = new Div();
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
                        AuthenticationContext authentication, WaitlistDesk waitlist) {
        this.waitlist = waitlist;
        this.calendars = calendars;
        this.bookings = bookings;
        this.resources = resources;
        this.authentication = authentication;
        setSizeFull();
        addClassName("aura-calendar-view");

        chosen.setLabel(getTranslation("calendar.resources"));
        chosen.setItems(resources.all());
        chosen.setItemLabelGenerator(r -> getTranslation("calendar.resource-item", r.spec().name(),
                r.spec().capacity()));
        chosen.setPlaceholder(getTranslation("calendar.all-resources"));
        chosen.setHelperText(getTranslation("calendar.resources-helper"));
        chosen.setId("calendar-resources");
        chosen.setMinWidth("0");
        chosen.addValueChangeListener(e -> rebuild());
        Button book = new Button(getTranslation("calendar.new-booking"), e -> openRequest(null, null, null));
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.setId("new-booking");
        // as the API: only a REQUESTER or an ADMIN asks for bookings (BookingDesk checks it again)
        book.setVisible(mayRequest());
        HorizontalLayout bar = new HorizontalLayout(chosen, book);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.setWrap(true);
        bar.expand(chosen);

        sharedToolbar.setId("calendar-toolbar");
        sharedToolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        sharedToolbar.setWrap(true);
        Button prev = navigation(VaadinIcon.ANGLE_LEFT, "calendar.previous-day", "calendar-prev", AuraCalendar::prev);
        Button next = navigation(VaadinIcon.ANGLE_RIGHT, "calendar.next-day", "calendar-next", AuraCalendar::next);
        Button today = new Button(getTranslation("calendar.today"), e -> shown.forEach(c -> c.calendar.today()));
        today.setId("calendar-today");
        sharedTitle.setId("calendar-title");
        sharedTitle.addClassName("aura-calendar-title");
        sharedToolbar.add(prev, next, today, sharedTitle);

        columns.setSizeFull();
        columns.addClassName("aura-calendar-columns");
        add(bar, sharedToolbar, columns, legend());
        expand(columns);
        rebuild();
        LiveWhileAttached.keep(this, this::reloadAll, ui -> calendars.watch(null, burst -> ui.access(this::reloadAll)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.page-title");
    }

    private Button navigation(VaadinIcon icon, String label, String id, java.util.function.Consumer<AuraCalendar> go) {
        Button button = new Button(icon.create(), e -> shown.forEach(c -> go.accept(c.calendar)));
        button.setAriaLabel(getTranslation(label));
        button.setTooltipText(getTranslation(label));
        button.setId(id);
        return button;
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
                columns.add(column(new Column(new AuraCalendar("timeGridDay", false), selected.get(i)),
                        "calendar-" + i));
            }
        }
        sharedToolbar.setVisible(shown.size() > 1);
        resourceKey.setVisible(selected.isEmpty());
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
                if (!shown.isEmpty() && shown.get(0) == column && e.title() != null) {
                    sharedTitle.setText(e.title());
                }
                reload(column);
            }
        });
        column.calendar.addEntryClickListener(e -> bookings.bookingIfAllowed(e.id()).ifPresentOrElse(this::showDetails,
                () -> showEntry(column.entries.get(e.id()))));
        shown.add(column);
        // the calendar draws in the browser's zone; the resource's own zone is named so nobody reads one as the other
        HorizontalLayout heading = new HorizontalLayout();
        heading.addClassName("aura-calendar-heading");
        heading.setSpacing(false);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        if (column.resource == null) {
            heading.add(new Span(getTranslation("calendar.all-resources")));
        } else {
            heading.add(swatch(CalendarColours.of(column.resource.id())), new Span(getTranslation(
                    "calendar.resource-heading", column.resource.spec().name(), column.resource.spec().timeZone())));
        }
        VerticalLayout box = new VerticalLayout(heading, column.calendar);
        box.setPadding(false);
        box.setSpacing(false);
        box.setSizeFull();
        // a flex item may shrink below its content's width: the week fits the page instead of widening it
        box.setMinWidth("0");
        box.expand(column.calendar);
        return box;
    }

    /** What the colours mean, where the day's early hours are, and in which zone the times are. */
    private Div legend() {
        Div legend = new Div();
        legend.setId("calendar-legend");
        legend.addClassName("aura-legend");
        legend.add(key("aura-mine", "calendar.legend.mine"), key("aura-others", "calendar.legend.others"),
                key("aura-pending_approval", "calendar.legend.pending"), key("aura-closed", "calendar.legend.closed"));
        resourceKey.addClassName("aura-legend-resources");
        Span hours = new Span(getTranslation("calendar.legend.hours"));
        hours.setId("calendar-hours-hint");
        Span zone = new Span(getTranslation("calendar.your-zone", UserZone.current().getId()));
        zone.setId("calendar-zone");
        legend.add(resourceKey, hours, zone);
        return legend;
    }

    private Span key(String className, String label) {
        Span sample = new Span();
        sample.addClassNames("aura-swatch", className);
        // the sample shows the first resource colour, as a booking of it would be drawn
        String colour = CalendarColours.of(null);
        switch (className) {
            case "aura-mine" -> sample.getStyle().set("background", colour).set("border-color", colour);
            case "aura-others" -> sample.getStyle().set("background", CalendarColours.tint(colour))
                    .set("border-color", colour);
            case "aura-pending_approval" -> sample.getStyle().set("border-left-color", colour);
            default -> { }
        }
        sample.getElement().setAttribute("aria-hidden", "true");
        Span item = new Span(sample, new Span(getTranslation(label)));
        item.addClassName("aura-legend-item");
        return item;
    }

    private static Span swatch(String colour) {
        Span swatch = new Span();
        swatch.addClassName("aura-resource-dot");
        swatch.getStyle().set("background", colour);
        swatch.getElement().setAttribute("aria-hidden", "true");
        return swatch;
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
            Notification.show(getTranslation("calendar.entry", entry.title(), nameOf(entry.resourceId()),
                    getTranslation("calendar.status." + entry.status().name())), 4000, Notification.Position.MIDDLE);
        }
    }

    private void openRequest(ResourceView resource, Instant start, Instant end) {
        Instant s = start != null ? start : Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        ResourceView preselected = resource != null ? resource
                : chosen.getSelectedItems().size() == 1 ? chosen.getSelectedItems().iterator().next() : null;
        new RequestDialog(bookings, waitlist, resources.all(), preselected, s, end != null ? end : s.plus(Duration.ofHours(1)),
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
        List<CalendarDesk.Seen> drawn = calendars.calendarSeen(column.from, column.to, resourceId);
        List<CategoryView> categoryList = bookings.categories();
        Map<String, String> colours = categoryList.stream().collect(Collectors.toMap(
                c -> c.name().toLowerCase(java.util.Locale.ROOT), CategoryView::colour, (a, b) -> a));
        column.entries = drawn.stream().map(CalendarDesk.Seen::entry)
                .collect(Collectors.toMap(CalendarEntry::bookingId, e -> e, (a, b) -> a));
        List<AuraCalendar.Entry> entries = new ArrayList<>(drawn.stream()
                .map(seen -> {
                    CalendarEntry e = seen.entry();
                    // coloured by its category while the category is on the list (ADR 0040)
                    return new AuraCalendar.Entry(e.bookingId(), label(e, names, resourceId == null), e.start(),
                            e.end(), e.status(), e.resourceId(), seen.mine(), e.category() == null ? null
                            : colours.get(e.category().toLowerCase(java.util.Locale.ROOT)));
                })
                .toList());
        if (resourceId != null) {
            // one resource's column: when it is closed or busy in Outlook, shaded
            calendars.shadedTimes(column.from, column.to, resourceId).forEach(c -> entries.add(AuraCalendar.Entry.closed(
                    "closed-" + c.start() + "-" + c.source(), switch (c.source()) {
                        case BLACKOUT -> c.reason() == null ? getTranslation("calendar.closed")
                                : getTranslation("calendar.closed-because", c.reason());
                        case OPENING_HOURS -> getTranslation("calendar.outside-opening-hours");
                        default -> getTranslation("calendar.busy-in-outlook");
                    },
                    c.start(), c.end())));
        } else {
            showResourceKey(drawn.stream().map(seen -> seen.entry().resourceId()).distinct().toList(), names);
            // and the categories drawn, in their colours (ADR 0040)
            drawn.stream().map(seen -> seen.entry().category()).filter(java.util.Objects::nonNull)
                    .map(c -> categoryList.stream().filter(v -> v.name().equalsIgnoreCase(c)).findFirst())
                    .flatMap(java.util.Optional::stream).distinct().sorted(java.util.Comparator.comparing(CategoryView::name))
                    .forEach(c -> {
                        Span item = new Span(swatch(c.colour()), new Span(c.name()));
                        item.addClassName("aura-legend-item");
                        resourceKey.add(item);
                    });
        }
        column.calendar.setEntries(entries);
    }

    /** All resources in one calendar: a key of the colours of those drawn now. */
    private void showResourceKey(List<String> resourceIds, Map<String, String> names) {
        resourceKey.removeAll();
        resourceIds.stream().filter(names::containsKey).sorted(java.util.Comparator.comparing(names::get))
                .forEach(id -> {
                    Span item = new Span(swatch(CalendarColours.of(id)), new Span(names.get(id)));
                    item.addClassName("aura-legend-item");
                    resourceKey.add(item);
                });
    }

    private String nameOf(String resourceId) {
        return resources.all().stream().filter(r -> r.id().equals(resourceId)).map(r -> r.spec().name()).findFirst()
                .orElse(resourceId);
    }

    private String label(CalendarEntry e, Map<String, String> names, boolean withResource) {
        // a private booking hidden from this reader (ADR 0040): "Busy" in the reader's language
        String shown = e.privateBooking() && e.requester() == null && BookingPrivacy.BUSY.equals(e.title())
                ? getTranslation("calendar.private-busy") : e.title();
        String title = e.status() == BookingStatus.PENDING_APPROVAL ? getTranslation("calendar.pending-title", shown)
                : shown;
        return withResource ? getTranslation("calendar.entry-title", title, names.getOrDefault(e.resourceId(), ""))
                : title;
    }
}
