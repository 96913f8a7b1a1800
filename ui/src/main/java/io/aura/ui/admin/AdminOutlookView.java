package io.aura.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ExternalCalendarLinks;
import io.aura.kernel.schedule.ExternalCalendarLinks.Link;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import io.aura.ui.ResourceDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Administration: which resources count their Outlook room calendar (ADR 0015). The same service as
 * {@code PUT /api/resources/{id}/external-calendar}: linking reads the calendar at once and shows how
 * the read went; a calendar that cannot be read says why.
 */
@Route(value = "admin/outlook", layout = MainLayout.class)
@PageTitle("Outlook calendars · Aura Scheduler")
@RolesAllowed("ADMIN")
public class AdminOutlookView extends VerticalLayout {
    private final ExternalCalendarLinks links;
    private final ResourceDirectory resources;
    private final Grid<Link> grid = new Grid<>(Link.class, false);

    public AdminOutlookView(ExternalCalendarLinks links, ResourceDirectory resources) {
        this.links = links;
        this.resources = resources;
        ComboBox<ResourceView> resource = new ComboBox<>("Resource");
        resource.setId("outlook-resource");
        resource.setItems(resources.all());
        resource.setItemLabelGenerator(r -> r.spec().name());
        TextField mailbox = new TextField("Room mailbox (empty unlinks)");
        mailbox.setId("outlook-mailbox");
        mailbox.setPlaceholder("room-a@contoso.com");
        resource.addValueChangeListener(e -> mailbox.setValue(e.getValue() == null || e.getValue().externalCalendar() == null
                ? "" : e.getValue().externalCalendar()));
        Button link = new Button("Link", e -> {
            mailbox.setInvalid(false);
            if (resource.getValue() == null) {
                resource.setInvalid(true);
                resource.setErrorMessage("choose a resource");
                return;
            }
            try {
                Link linked = links.link(resource.getValue().id(), mailbox.getValue());
                reload();
                Notification.show(linked.mailbox() == null ? "Unlinked: Outlook no longer counts for "
                        + resource.getValue().spec().name() + "." : outcome(linked));
            } catch (InvalidInputException invalid) {
                mailbox.setInvalid(true);
                mailbox.setErrorMessage(invalid.violations().get(0).message());
            }
        });
        link.setId("outlook-link");
        link.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("outlook-links");
        grid.addColumn(l -> nameOf(l.resourceId())).setHeader("Resource").setAutoWidth(true);
        grid.addColumn(Link::mailbox).setHeader("Mailbox").setAutoWidth(true);
        grid.addColumn(l -> l.readAt() == null ? "not read yet" : outcome(l)).setHeader("Last read").setAutoWidth(true);
        grid.addComponentColumn(l -> {
            Button read = new Button("Read now", e -> {
                Notification.show(outcome(links.read(l.resourceId())));
                reload();
            });
            read.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            read.getElement().setAttribute("aria-label", "Read the calendar of " + nameOf(l.resourceId()) + " now");
            return read;
        }).setHeader("");
        add(new H2("Outlook calendars"), new Paragraph(links.configured()
                ? "A linked room mailbox's busy times refuse bookings (conflict source EXTERNAL). Calendars are "
                        + "read when linked and every few minutes."
                : "Microsoft Graph is not configured (AURA_GRAPH_TENANT_ID, AURA_GRAPH_CLIENT_ID, "
                        + "AURA_GRAPH_CLIENT_SECRET): links are kept, but no calendar is read."),
                new FormLayout(resource, mailbox), link, grid);
        reload();
    }

    private static String outcome(Link l) {
        return l.error() != null ? "Not read: " + l.error()
                : l.mailbox() + " read at " + l.readAt() + ": " + l.busyTimes() + " busy time(s) in the next weeks.";
    }

    private String nameOf(String resourceId) {
        Map<String, String> names = resources.all().stream()
                .collect(Collectors.toMap(ResourceView::id, r -> r.spec().name(), (a, b) -> a));
        return names.getOrDefault(resourceId, resourceId);
    }

    private void reload() {
        grid.setItems(links.all());
    }
}
