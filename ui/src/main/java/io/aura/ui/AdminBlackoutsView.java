package io.aura.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.TimeRange;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Administration: close a resource for a time range (maintenance, holidays); the schedule refuses holds there. */
@Route(value = "admin/blackouts", layout = MainLayout.class)
@PageTitle("Blackouts · Aura Scheduler")
@RolesAllowed("ADMIN")
public class AdminBlackoutsView extends VerticalLayout {

    public AdminBlackoutsView(CommandGateway commands, ResourceDirectory resources) {
        ComboBox<ResourceView> resource = new ComboBox<>("Resource");
        resource.setItems(resources.all());
        resource.setItemLabelGenerator(ResourceView::name);
        DateTimePicker start = new DateTimePicker("From");
        DateTimePicker end = new DateTimePicker("Until");
        TextField reason = new TextField("Reason");
        ZoneId zone = ZoneId.systemDefault();
        Button close = new Button("Close the resource", e -> {
            resource.setInvalid(resource.getValue() == null);
            resource.setErrorMessage("choose a resource");
            boolean badRange = start.getValue() == null || end.getValue() == null || !end.getValue().isAfter(start.getValue());
            end.setInvalid(badRange);
            end.setErrorMessage("must be after the start");
            if (resource.getValue() == null || badRange) {
                return;
            }
            commands.sendAndWait(new AddBlackout(resource.getValue().id(), UUID.randomUUID().toString(),
                    new TimeRange(start.getValue().atZone(zone).toInstant(), end.getValue().atZone(zone).toInstant()),
                    reason.getValue()));
            Notification.show(resource.getValue().name() + " is closed then.");
        });
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Close a resource"), new FormLayout(resource, start, end, reason), close);
    }
}
