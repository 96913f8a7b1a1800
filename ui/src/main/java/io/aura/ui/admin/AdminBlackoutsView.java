package io.aura.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import io.aura.ui.Refusals;
import io.aura.ui.ResourceDirectory;
import io.aura.ui.UserZone;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Administration: close a resource for a time range (maintenance, holidays); the schedule refuses holds there. */
@Route(value = "admin/blackouts", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AdminBlackoutsView extends VerticalLayout implements HasDynamicTitle {

    public AdminBlackoutsView(ScheduleDesk schedule, ResourceDirectory resources) {
        ComboBox<ResourceView> resource = new ComboBox<>(getTranslation("admin.blackouts.resource"));
        resource.setItems(resources.all());
        resource.setItemLabelGenerator(r -> r.spec().name());
        DateTimePicker start = new DateTimePicker(getTranslation("admin.blackouts.from"));
        DateTimePicker end = new DateTimePicker(getTranslation("admin.blackouts.until"));
        TextField reason = new TextField(getTranslation("admin.blackouts.reason"));
        resource.setId("blackout-resource");
        start.setLocale(io.aura.ui.DatePickerTexts.dates(getLocale()));
        end.setLocale(io.aura.ui.DatePickerTexts.dates(getLocale()));
        start.setId("blackout-start");
        end.setId("blackout-end");
        reason.setId("blackout-reason");
        // the admin's own zone, as the calendar shows it (the server's zone means nothing to them); read
        // when used, since the browser reports it only after the page loaded
        start.setHelperText(getTranslation("admin.blackouts.your-zone"));
        end.setHelperText(getTranslation("admin.blackouts.your-zone"));
        reason.setMaxLength(500);
        Button close = new Button(getTranslation("admin.blackouts.close"), e -> {
            reason.setInvalid(false);
            resource.setInvalid(resource.getValue() == null);
            resource.setErrorMessage(getTranslation("admin.blackouts.choose-resource"));
            boolean badRange = start.getValue() == null || end.getValue() == null || !end.getValue().isAfter(start.getValue());
            end.setInvalid(badRange);
            end.setErrorMessage(getTranslation("admin.blackouts.end-after-start"));
            if (resource.getValue() == null || badRange) {
                return;
            }
            ZoneId zone = UserZone.current();
            TimeRange range = new TimeRange(start.getValue().atZone(zone).toInstant(),
                    end.getValue().atZone(zone).toInstant());
            try {
                schedule.close(resource.getValue().id(), range, reason.getValue());
            } catch (InvalidInputException invalid) {
                reason.setInvalid(true);
                reason.setErrorMessage(Refusals.of(this, invalid.violations().get(0)));
                return;
            }
            Notification.show(getTranslation("admin.blackouts.closed", resource.getValue().spec().name(),
                    UserZone.span(range.start(), range.end(), zone)));
            list(schedule, resource.getValue());
        });
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.setId("blackout-close");
        // what is already closed: chosen resource, from now on
        upcoming.setId("blackouts");
        upcoming.addColumn(c -> UserZone.span(c.start(), c.end(), UserZone.current())).setHeader(getTranslation("admin.blackouts.column.closed")).setAutoWidth(true);
        upcoming.addColumn(c -> c.reason() == null ? "" : c.reason()).setHeader(getTranslation("admin.blackouts.column.reason"));
        upcoming.addComponentColumn(b -> {
            Button remove = new Button(getTranslation("admin.blackouts.remove"), e -> {
                schedule.remove(b.resourceId(), b.blackoutId());
                Notification.show(getTranslation("admin.blackouts.opened", resource.getValue().spec().name(),
                        UserZone.span(b.start(), b.end(), UserZone.current())));
                removed.add(b.blackoutId());
                list(schedule, resource.getValue());
            });
            remove.addClassName("remove");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.getElement().setAttribute("aria-label", getTranslation("admin.blackouts.remove-aria",
                    UserZone.span(b.start(), b.end(), UserZone.current())));
            return remove;
        }).setHeader(getTranslation("admin.blackouts.column.remove")).setAutoWidth(true).setFlexGrow(0);
        upcoming.setAllRowsVisible(true);
        resource.addValueChangeListener(e -> list(schedule, e.getValue()));
        add(new H2(getTranslation("admin.blackouts.title")), new FormLayout(resource, start, end, reason), close,
                new H3(getTranslation("admin.blackouts.upcoming")), upcoming);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.blackouts.page-title");
    }

    private final Grid<BlackoutView> upcoming = new Grid<>(BlackoutView.class, false);
    // removed here: the schedule took them away already, the read side may not have yet
    private final Set<String> removed = new HashSet<>();

    private void list(ScheduleDesk schedule, ResourceView resource) {
        upcoming.setItems(resource == null ? List.of() : schedule.upcomingBlackouts(resource.id()).stream()
                .filter(b -> !removed.contains(b.blackoutId())).toList());
    }
}
