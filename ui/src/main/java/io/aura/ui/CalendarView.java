package io.aura.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.SubscriptionQueryResult;

/**
 * Availability at a glance: a day/week/month calendar of one resource or all, live (any change by
 * anyone arrives by push within a second). Selecting free time, or "New booking", opens the request
 * form; the outcome shows at once.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Calendar · Aura Scheduler")
@PermitAll
public class CalendarView extends VerticalLayout {
    private final BookingDesk bookings;
    private final ResourceDirectory resources;
    private final AuthenticationContext authentication;
    private final AuraCalendar calendar = new AuraCalendar();
    private final ComboBox<ResourceView> resource = new ComboBox<>("Resource");
    private final Span zone = new Span();
    private Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(7, ChronoUnit.DAYS);
    private Instant to = from.plus(21, ChronoUnit.DAYS);
    private SubscriptionQueryResult<?, ?> live;

    public CalendarView(BookingDesk bookings, ResourceDirectory resources, AuthenticationContext authentication) {
        this.bookings = bookings;
        this.resources = resources;
        this.authentication = authentication;
        setSizeFull();

        resource.setItems(resources.all());
        resource.setItemLabelGenerator(r -> r.name() + " (" + r.capacity() + ")");
        resource.setPlaceholder("All resources");
        resource.setClearButtonVisible(true);
        resource.setId("calendar-resource");
        resource.addValueChangeListener(e -> {
            zone.setText(e.getValue() == null ? "" : "Time zone: " + e.getValue().timeZone());
            reload();
        });
        Button book = new Button("New booking", e -> openRequest(null, null));
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.setId("new-booking");
        HorizontalLayout bar = new HorizontalLayout(resource, zone, book);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.expand(zone);

        calendar.setId("calendar");
        calendar.setSizeFull();
        calendar.addRangeListener(e -> {
            if (e.selection()) {
                openRequest(e.start(), e.end());
            } else {
                from = e.start();
                to = e.end();
                reload();
            }
        });
        calendar.addEntryClickListener(e -> bookings.booking(e.id()).ifPresent(b -> new BookingDetails(bookings, b,
                resources.all().stream().filter(r -> r.id().equals(b.resourceId())).map(ResourceView::name).findFirst()
                        .orElse(b.resourceId()),
                authentication.getPrincipalName().orElse(""), MainLayout.roles(authentication).contains("ADMIN"),
                this::reload).open()));
        add(bar, calendar);
        expand(calendar);
    }

    private void openRequest(Instant start, Instant end) {
        Instant s = start != null ? start : Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        new RequestDialog(bookings, resources.all(), resource.getValue(), s, end != null ? end : s.plus(Duration.ofHours(1)),
                authentication.getPrincipalName().orElse(""), this::reload).open();
    }

    private void reload() {
        String resourceId = resource.getValue() == null ? null : resource.getValue().id();
        Map<String, String> names = resources.all().stream()
                .collect(Collectors.toMap(ResourceView::id, ResourceView::name, (a, b) -> a));
        calendar.setEntries(bookings.calendar(from, to, resourceId).stream()
                .map(e -> new AuraCalendar.Entry(e.bookingId(), label(e, names, resourceId == null), e.start(), e.end(),
                        e.status().name()))
                .toList());
    }

    private static String label(CalendarEntry e, Map<String, String> names, boolean withResource) {
        String pending = e.status().name().equals("PENDING_APPROVAL") ? " (pending)" : "";
        return e.title() + pending + (withResource ? " · " + names.getOrDefault(e.resourceId(), "") : "");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        reload();
        live = bookings.watch(null, burst -> ui.access(this::reload));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (live != null) {
            live.cancel();
        }
    }
}
