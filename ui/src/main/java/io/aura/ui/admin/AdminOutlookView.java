package io.aura.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ExternalCalendarLinks;
import io.aura.kernel.schedule.ExternalCalendarLinks.Link;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import io.aura.ui.Narrow;
import io.aura.ui.Refusals;
import io.aura.ui.ResourceDirectory;
import io.aura.ui.UserZone;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Administration: which resources count their Outlook room calendar (ADR 0015). The same service as
 * {@code PUT /api/resources/{id}/external-calendar}: linking reads the calendar at once and shows how
 * the read went; a calendar that cannot be read says why.
 */
@Route(value = "admin/outlook", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AdminOutlookView extends VerticalLayout implements HasDynamicTitle {
    private final ExternalCalendarLinks links;
    private final ResourceDirectory resources;
    private final Grid<Link> grid = new Grid<>(Link.class, false);

    public AdminOutlookView(ExternalCalendarLinks links, ResourceDirectory resources) {
        this.links = links;
        this.resources = resources;
        ComboBox<ResourceView> resource = new ComboBox<>(getTranslation("admin.outlook.resource"));
        resource.setId("outlook-resource");
        resource.setItems(resources.all());
        resource.setItemLabelGenerator(r -> r.spec().name());
        TextField mailbox = new TextField(getTranslation("admin.outlook.mailbox"));
        mailbox.setId("outlook-mailbox");
        mailbox.setPlaceholder("room-a@contoso.com");
        resource.addValueChangeListener(e -> mailbox.setValue(e.getValue() == null || e.getValue().externalCalendar() == null
                ? "" : e.getValue().externalCalendar()));
        Button link = new Button(getTranslation("admin.outlook.link"), e -> {
            mailbox.setInvalid(false);
            if (resource.getValue() == null) {
                resource.setInvalid(true);
                resource.setErrorMessage(getTranslation("admin.outlook.choose-resource"));
                return;
            }
            try {
                Link linked = links.link(resource.getValue().id(), mailbox.getValue());
                reload();
                Notification.show(linked.mailbox() == null
                        ? getTranslation("admin.outlook.unlinked", resource.getValue().spec().name()) : outcome(linked));
            } catch (InvalidInputException invalid) {
                mailbox.setInvalid(true);
                mailbox.setErrorMessage(Refusals.of(this, invalid.violations().get(0)));
            }
        });
        link.setId("outlook-link");
        link.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("outlook-links");
        // long mailboxes and errors wrap inside their cells: the list never widens past the screen, however many
        // rooms are linked or however long Graph's answer (columns grow from small widths, none sized by content)
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(l -> nameOf(l.resourceId())).setHeader(getTranslation("admin.outlook.column.resource"))
                .setWidth("6em").setFlexGrow(1);
        // on a phone the mailbox is read in the last read's text
        Narrow.hideWhenNarrow(this, grid.addColumn(Link::mailbox)
                .setHeader(getTranslation("admin.outlook.column.mailbox")).setWidth("10em").setFlexGrow(1));
        grid.addColumn(l -> l.readAt() == null ? getTranslation("admin.outlook.not-read-yet") : outcome(l))
                .setHeader(getTranslation("admin.outlook.column.last-read")).setWidth("6.5em").setFlexGrow(2);
        grid.addComponentColumn(l -> {
            Button read = new Button(getTranslation("admin.outlook.read-now"), e -> {
                Notification.show(outcome(links.read(l.resourceId())));
                reload();
            });
            read.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            read.getElement().setAttribute("aria-label", getTranslation("admin.outlook.read-now-aria", nameOf(l.resourceId())));
            return read;
        }).setHeader(getTranslation("admin.outlook.column.read")).setAutoWidth(true).setFlexGrow(0);
        add(new H2(getTranslation("admin.outlook.title")), new Paragraph(getTranslation(links.configured()
                ? "admin.outlook.explained" : "admin.outlook.not-configured")),
                new FormLayout(resource, mailbox), link, grid);
        reload();
    }

    private String outcome(Link l) {
        return l.error() != null ? getTranslation("admin.outlook.not-read", l.error())
                : getTranslation("admin.outlook.read", l.mailbox(), UserZone.at(l.readAt(), UserZone.current()),
                        l.busyTimes() == null ? 0 : l.busyTimes());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.outlook.page-title");
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
