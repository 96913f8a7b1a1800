package io.aura.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.resource.ResourceCommands.RegisterResource;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Administration: register a resource with its rules and approvers (the same command as POST /api/resources). */
@Route(value = "admin/resources", layout = MainLayout.class)
@PageTitle("Administration · Aura Scheduler")
@RolesAllowed("ADMIN")
public class AdminResourcesView extends VerticalLayout {
    private final TextField name = new TextField("Name");
    private final IntegerField capacity = new IntegerField("Capacity");
    private final TextField timeZone = new TextField("Time zone");
    private final IntegerField buffer = new IntegerField("Buffer (minutes)");
    private final IntegerField minMinutes = new IntegerField("Shortest booking (minutes)");
    private final IntegerField maxMinutes = new IntegerField("Longest booking (minutes)");
    private final IntegerField windowDays = new IntegerField("Bookable ahead (days)");
    private final Checkbox approval = new Checkbox("Needs approval");
    private final TextField approvers = new TextField("Approvers (user names, comma separated)");

    public AdminResourcesView(CommandGateway commands, ResourceDirectory directory) {
        name.setId("admin-name");
        capacity.setId("admin-capacity");
        timeZone.setId("admin-zone");
        timeZone.setValue("Europe/Berlin");
        buffer.setValue(0);
        minMinutes.setValue(ResourceSpec.DEFAULT_MIN_DURATION_MINUTES);
        maxMinutes.setValue(ResourceSpec.DEFAULT_MAX_DURATION_MINUTES);
        windowDays.setValue(ResourceSpec.DEFAULT_BOOKING_WINDOW_DAYS);
        capacity.setValue(8);
        Button save = new Button("Register resource", e -> {
            for (var field : List.of(name, timeZone, approvers)) {
                field.setInvalid(false);
            }
            for (var field : List.of(capacity, buffer, minMinutes, maxMinutes, windowDays)) {
                field.setInvalid(false);
            }
            List<String> named = Arrays.stream(approvers.getValue().split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
            ResourceSpec spec = new ResourceSpec(name.getValue(), capacity.getValue() == null ? 0 : capacity.getValue(),
                    timeZone.getValue(), approval.getValue(), named, buffer.getValue() == null ? 0 : buffer.getValue(),
                    orZero(minMinutes.getValue()), orZero(maxMinutes.getValue()), orZero(windowDays.getValue()));
            try {
                List<FieldViolation> violations = new java.util.ArrayList<>(spec.violations());
                named.stream().filter(n -> !directory.userExists(n))
                        .forEach(n -> violations.add(new FieldViolation("approvers", "no user is called '" + n + "'")));
                if (!violations.isEmpty()) {
                    throw new InvalidInputException(violations);
                }
                commands.sendAndWait(new RegisterResource(UUID.randomUUID().toString(), spec));
                Notification.show("Registered " + spec.name() + ".");
                name.clear();
            } catch (InvalidInputException invalid) {
                for (FieldViolation v : invalid.violations()) {
                    switch (v.field()) {
                        case "name" -> { name.setInvalid(true); name.setErrorMessage(v.message()); }
                        case "capacity" -> { capacity.setInvalid(true); capacity.setErrorMessage(v.message()); }
                        case "timeZone" -> { timeZone.setInvalid(true); timeZone.setErrorMessage(v.message()); }
                        case "minDurationMinutes" -> { minMinutes.setInvalid(true); minMinutes.setErrorMessage(v.message()); }
                        case "maxDurationMinutes" -> { maxMinutes.setInvalid(true); maxMinutes.setErrorMessage(v.message()); }
                        case "bookingWindowDays" -> { windowDays.setInvalid(true); windowDays.setErrorMessage(v.message()); }
                        case "bufferMinutes" -> { buffer.setInvalid(true); buffer.setErrorMessage(v.message()); }
                        default -> { approvers.setInvalid(true); approvers.setErrorMessage(v.field() + ": " + v.message()); }
                    }
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("admin-save");
        add(new H2("Register a resource"), new FormLayout(name, capacity, timeZone, buffer, minMinutes, maxMinutes,
                windowDays, approval, approvers), save);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
