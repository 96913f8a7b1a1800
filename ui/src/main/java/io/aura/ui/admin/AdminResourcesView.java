package io.aura.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.approval.ApproverNames;
import io.aura.kernel.identity.Role;
import io.aura.kernel.resource.ResourceCommands.RegisterResource;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import io.aura.ui.ResourceDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Administration: register a resource with its rules, approvers and approval levels (the same command
 * and the same checks as POST /api/resources).
 */
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
    // approval levels, declared one after the other; each applies from its own thresholds
    private final List<ApprovalLevel> levels = new ArrayList<>();
    private final Grid<ApprovalLevel> levelGrid = new Grid<>(ApprovalLevel.class, false);
    private final TextField levelName = new TextField("Level name");
    private final TextField levelApprovers = new TextField("Level approvers (user names)");
    private final Select<String> levelRole = new Select<>();
    private final IntegerField levelMinAttendees = new IntegerField("Applies from attendees");
    private final IntegerField levelMinMinutes = new IntegerField("Applies from minutes");
    private final TextField levelEscalateTo = new TextField("Escalate to (user names; empty: administrators)");
    private final Span levelErrors = new Span();
    private final IntegerField deadlineHours = new IntegerField("Decide within (hours; empty: 48)");

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
        configureLevels(directory);
        Button save = new Button("Register resource", e -> register(commands, directory));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("admin-save");
        add(new H2("Register a resource"), new FormLayout(name, capacity, timeZone, buffer, minMinutes, maxMinutes,
                windowDays, approval, approvers), new H3("Approval levels"),
                new Span("Levels are decided in order; a level applies only from its thresholds. Without levels, "
                        + "\"Needs approval\" asks the approvers above (or anyone with the APPROVER role)."),
                new FormLayout(levelName, levelApprovers, levelRole, levelMinAttendees, levelMinMinutes,
                        levelEscalateTo), levelErrors, levelGrid, deadlineHours, save);
    }

    private void configureLevels(ResourceDirectory directory) {
        levelName.setId("level-name");
        levelApprovers.setId("level-approvers");
        levelRole.setId("level-role");
        levelRole.setLabel("Or anyone with the role");
        levelRole.setItems("", Role.APPROVER.name(), Role.ADMIN.name());
        levelRole.setItemLabelGenerator(r -> r.isEmpty() ? "(named approvers only)" : r);
        levelRole.setValue("");
        levelMinAttendees.setId("level-min-attendees");
        levelMinAttendees.setValue(0);
        levelMinMinutes.setValue(0);
        levelErrors.setId("level-errors");
        levelErrors.getStyle().set("color", "var(--lumo-error-text-color)");
        deadlineHours.setId("admin-deadline");
        deadlineHours.setMin(1);
        Button add = new Button("Add level", e -> {
            ApprovalLevel level = new ApprovalLevel(levelName.getValue().trim(), names(levelApprovers.getValue()),
                    levelRole.getValue() == null || levelRole.getValue().isEmpty() ? null : levelRole.getValue(),
                    orZero(levelMinAttendees.getValue()), orZero(levelMinMinutes.getValue()), List.of(),
                    names(levelEscalateTo.getValue()));
            List<FieldViolation> wrong = new ArrayList<>(level.violations("level"));
            wrong.addAll(ApproverNames.unknown("level.approvers", level.approvers(), directory::userExists));
            wrong.addAll(ApproverNames.unknown("level.escalateTo", level.escalateTo(), directory::userExists));
            levelErrors.setText(String.join("; ", wrong.stream().map(v -> v.field() + " " + v.message()).toList()));
            if (wrong.isEmpty()) {
                levels.add(level);
                levelGrid.setItems(levels);
                levelName.clear();
                levelApprovers.clear();
                levelEscalateTo.clear();
            }
        });
        add.setId("level-add");
        levelGrid.setId("admin-levels");
        levelGrid.setAllRowsVisible(true);
        levelGrid.addColumn(ApprovalLevel::name).setHeader("Level");
        levelGrid.addColumn(l -> l.approverRole() == null ? String.join(", ", l.approvers())
                : concat(l.approvers(), List.of("role " + l.approverRole())).stream().reduce((a, b) -> a + ", " + b)
                        .orElse("")).setHeader("Decided by");
        levelGrid.addColumn(l -> "from " + l.minAttendees() + " attendees, " + l.minDurationMinutes() + " min")
                .setHeader("Applies");
        levelGrid.addColumn(l -> l.escalateTo().isEmpty() ? "administrators" : String.join(", ", l.escalateTo()))
                .setHeader("Escalates to");
        levelGrid.addComponentColumn(l -> new Button("Remove", e -> {
            levels.remove(l);
            levelGrid.setItems(levels);
        })).setHeader("");
        levelEscalateTo.getElement().setAttribute("aria-describedby", "level-errors");
        add(add);
    }

    private void register(CommandGateway commands, ResourceDirectory directory) {
        for (var field : List.of(name, timeZone, approvers)) {
            field.setInvalid(false);
        }
        for (var field : List.of(capacity, buffer, minMinutes, maxMinutes, windowDays, deadlineHours)) {
            field.setInvalid(false);
        }
        List<String> named = names(approvers.getValue());
        ResourceSpec spec = new ResourceSpec(name.getValue(), orZero(capacity.getValue()), timeZone.getValue(),
                approval.getValue() || !levels.isEmpty(), named, orZero(buffer.getValue()),
                orZero(minMinutes.getValue()), orZero(maxMinutes.getValue()), orZero(windowDays.getValue()),
                levels, deadlineHours.getValue() == null ? null : "PT" + deadlineHours.getValue() + "H");
        try {
            List<FieldViolation> violations = new ArrayList<>(spec.violations());
            violations.addAll(ApproverNames.unknown("approvers", named, directory::userExists));
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            commands.sendAndWait(new RegisterResource(UUID.randomUUID().toString(), spec));
            Notification.show("Registered " + spec.name() + ".");
            name.clear();
            levels.clear();
            levelGrid.setItems(levels);
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
                    case "approvalDeadline" -> { deadlineHours.setInvalid(true); deadlineHours.setErrorMessage(v.message()); }
                    default -> { approvers.setInvalid(true); approvers.setErrorMessage(v.field() + ": " + v.message()); }
                }
            }
        }
    }

    static List<String> names(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
