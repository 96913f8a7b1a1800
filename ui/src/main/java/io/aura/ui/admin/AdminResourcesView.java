package io.aura.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.gateway.Sites;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.approval.ApproverNames;
import io.aura.kernel.identity.Role;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.site.SiteQueries.SiteView;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import io.aura.ui.Narrow;
import io.aura.ui.Refusals;
import io.aura.ui.ResourceDirectory;
import io.aura.ui.UserZone;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Administration of resources: every resource listed and searched by name; one registered, edited (the
 * form loads it; saving sends the edit) or retired (after confirming) with the same rules and commands as
 * /api/resources (the gateway's ResourceAdministration, through {@link ScheduleDesk}). After a save the
 * form starts again from a new resource's defaults.
 */
@Route(value = "admin/resources", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AdminResourcesView extends VerticalLayout implements HasDynamicTitle {
    private final ScheduleDesk desk;
    private final ResourceDirectory directory;

    private final Grid<ResourceView> grid = new Grid<>(ResourceView.class, false);
    private final TextField search = new TextField();
    private final Checkbox showRetired = new Checkbox();
    private List<ResourceView> resources = List.of();

    private final H2 formTitle = new H2();
    private final TextField name = new TextField();
    private final IntegerField capacity = new IntegerField();
    private final ComboBox<String> timeZone = new ComboBox<>();
    private final IntegerField buffer = new IntegerField();
    private final IntegerField minMinutes = new IntegerField();
    private final IntegerField maxMinutes = new IntegerField();
    private final IntegerField windowDays = new IntegerField();
    private final Checkbox approval = new Checkbox();
    private final TextField approvers = new TextField();
    // approval levels, declared one after the other; each applies from its own thresholds
    private final List<ApprovalLevel> levels = new ArrayList<>();
    private final Grid<ApprovalLevel> levelGrid = new Grid<>(ApprovalLevel.class, false);
    private final TextField levelName = new TextField();
    private final TextField levelApprovers = new TextField();
    private final Select<String> levelRole = new Select<>();
    private final IntegerField levelMinAttendees = new IntegerField();
    private final IntegerField levelMinMinutes = new IntegerField();
    private final TextField levelEscalateTo = new TextField();
    private final Span levelErrors = new Span();
    private final IntegerField deadlineHours = new IntegerField();
    private final OpeningHoursEditor openingHours = new OpeningHoursEditor(this::getTranslation);
    // check-in (ADR 0033): required, and within how many minutes of the start
    private final Checkbox checkInRequired = new Checkbox();
    /** whether bookings here are private unless their requester says otherwise (ADR 0040) */
    private final Checkbox privateByDefault = new Checkbox();
    private final IntegerField checkInMinutes = new IntegerField();
    /** the site the resource belongs to (empty: none), for the TRAVEL warning */
    private final Select<SiteView> site = new Select<>();
    private final Sites sites;
    private final Button save = new Button();
    private final Button cancel = new Button();

    /** The resource the form edits; null while it registers a new one. */
    private ResourceView editing;
    /** An edited resource's deadline when it is no whole number of hours, kept while the hours are left alone. */
    private String loadedDeadline;

    public AdminResourcesView(ScheduleDesk desk, ResourceDirectory directory, Sites sites) {
        this.desk = desk;
        this.sites = sites;
        this.directory = directory;
        setPadding(true);
        addClassName("admin-resources");
        add(new H2(getTranslation("admin.resources.list-title")), listBar(), grid, form());
        configureGrid();
        reload();
        startNew();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.resources.page-title");
    }

    // ---- the list ------------------------------------------------------------------------------

    private HorizontalLayout listBar() {
        search.setId("resource-search");
        search.setLabel(getTranslation("admin.resources.search"));
        search.setPlaceholder(getTranslation("admin.resources.search-placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("min(100%, 22em)");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());
        showRetired.setId("resource-show-retired");
        showRetired.setLabel(getTranslation("admin.resources.show-retired"));
        showRetired.addValueChangeListener(e -> filter());
        Button add = new Button(getTranslation("admin.resources.new"), VaadinIcon.PLUS.create(), e -> {
            startNew();
            name.focus();
        });
        add.setId("resource-new");
        HorizontalLayout bar = new HorizontalLayout(search, showRetired, add);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private void configureGrid() {
        grid.setId("admin-resources");
        grid.setWidthFull();
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> r.spec().name()).setHeader(getTranslation("admin.resources.column.name"))
                .setFlexGrow(2).setKey("name");
        grid.addColumn(r -> r.spec().capacity()).setHeader(getTranslation("admin.resources.column.capacity"))
                .setAutoWidth(true).setFlexGrow(0).setKey("capacity");
        grid.addColumn(r -> r.spec().timeZone()).setHeader(getTranslation("admin.resources.column.zone"))
                .setFlexGrow(1).setKey("zone");
        grid.addColumn(this::approvalSummary).setHeader(getTranslation("admin.resources.column.approval"))
                .setFlexGrow(1).setKey("approval");
        grid.addColumn(r -> getTranslation(r.retired() ? "admin.resources.status.retired"
                : "admin.resources.status.active")).setHeader(getTranslation("admin.resources.column.status"))
                .setAutoWidth(true).setFlexGrow(0).setKey("status");
        grid.addComponentColumn(this::actions).setHeader(getTranslation("admin.resources.column.actions"))
                .setAutoWidth(true).setFlexGrow(0).setKey("actions");
        Narrow.hideWhenNarrow(this, grid.getColumnByKey("capacity"), grid.getColumnByKey("zone"),
                grid.getColumnByKey("approval"), grid.getColumnByKey("status"));
    }

    private String approvalSummary(ResourceView r) {
        ResourceSpec spec = r.spec();
        if (!spec.approvalLevels().isEmpty()) {
            return getTranslation("admin.resources.approval.levels", spec.approvalLevels().size());
        }
        return getTranslation(spec.approvalRequired() ? "admin.resources.approval.required"
                : "admin.resources.approval.none");
    }

    private HorizontalLayout actions(ResourceView r) {
        String shown = r.spec().name();
        Button edit = new Button(getTranslation("admin.resources.edit"), e -> load(r));
        edit.addClassName("edit");
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        edit.setAriaLabel(getTranslation("admin.resources.edit-aria", shown));
        Button retire = new Button(getTranslation("admin.resources.retire"), e -> confirmRetire(r));
        retire.addClassName("retire");
        retire.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        retire.setAriaLabel(getTranslation("admin.resources.retire-aria", shown));
        retire.setEnabled(!r.retired());
        HorizontalLayout row = new HorizontalLayout(edit, retire);
        row.setSpacing(false);
        return row;
    }

    private void confirmRetire(ResourceView r) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("retire-confirm");
        confirm.setHeader(getTranslation("admin.resources.retire-confirm.header", r.spec().name()));
        confirm.setText(getTranslation("admin.resources.retire-confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.resources.retire-confirm.cancel"));
        confirm.setConfirmText(getTranslation("admin.resources.retire"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            desk.retire(r.id());
            Notification.show(getTranslation("admin.resources.retired", r.spec().name()));
            if (editing != null && editing.id().equals(r.id())) {
                startNew();
            }
            reload();
        });
        confirm.open();
    }

    private void reload() {
        resources = desk.resources();
        filter();
    }

    /** By name, trimmed and whatever its case; retired ones only when asked for. */
    private void filter() {
        String wanted = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(resources.stream().filter(r -> showRetired.getValue() || !r.retired())
                .filter(r -> r.spec().name().toLowerCase(Locale.ROOT).contains(wanted)).toList());
    }

    // ---- the form ------------------------------------------------------------------------------

    private Div form() {
        name.setId("admin-name");
        name.setLabel(getTranslation("admin.resource.name"));
        name.setMaxLength(120);
        capacity.setId("admin-capacity");
        capacity.setLabel(getTranslation("admin.resource.capacity"));
        timeZone.setId("admin-zone");
        timeZone.setLabel(getTranslation("admin.resource.zone"));
        timeZone.setHelperText(getTranslation("admin.resource.zone-helper"));
        // every region zone, searchable by any part of its name ("berlin", "America/")
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC"))
                .sorted().toList());
        buffer.setId("admin-buffer");
        buffer.setLabel(getTranslation("admin.resource.buffer"));
        minMinutes.setId("admin-min-minutes");
        minMinutes.setLabel(getTranslation("admin.resource.min-minutes"));
        maxMinutes.setId("admin-max-minutes");
        maxMinutes.setLabel(getTranslation("admin.resource.max-minutes"));
        windowDays.setId("admin-window-days");
        windowDays.setLabel(getTranslation("admin.resource.window-days"));
        approval.setId("admin-approval");
        approval.setLabel(getTranslation("admin.resource.approval"));
        approvers.setId("admin-approvers");
        approvers.setLabel(getTranslation("admin.resource.approvers"));
        approvers.setHelperText(getTranslation("admin.resource.approvers-helper"));
        deadlineHours.setId("admin-deadline");
        deadlineHours.setLabel(getTranslation("admin.resource.deadline"));
        deadlineHours.setMin(1);
        formTitle.setId("admin-form-title");
        save.setId("admin-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.setId("admin-cancel");
        cancel.setText(getTranslation("admin.resource.cancel"));
        cancel.addClickListener(e -> startNew());
        privateByDefault.setId("admin-private-by-default");
        privateByDefault.setLabel(getTranslation("admin.resource.private-by-default"));
        checkInRequired.setId("admin-check-in");
        checkInRequired.setLabel(getTranslation("admin.resource.check-in"));
        checkInMinutes.setId("admin-check-in-minutes");
        checkInMinutes.setLabel(getTranslation("admin.resource.check-in-minutes"));
        checkInMinutes.setHelperText(getTranslation("admin.resource.check-in-helper"));
        checkInMinutes.setMin(1);
        checkInMinutes.setMax(240);
        site.setId("admin-site");
        site.setLabel(getTranslation("admin.resource.site"));
        site.setEmptySelectionAllowed(true);
        site.setEmptySelectionCaption(getTranslation("admin.resource.no-site"));
        site.setItemLabelGenerator(s -> s == null ? getTranslation("admin.resource.no-site") : s.name());
        site.setItems(sites.list());
        FormLayout fields = new FormLayout(name, capacity, timeZone, buffer, minMinutes, maxMinutes, windowDays,
                site, approval, approvers, deadlineHours, checkInRequired, checkInMinutes, privateByDefault);
        fields.setColspan(approval, 2); // the approval settings together, under it
        Div form = new Div(formTitle, fields, openingHours, new H3(getTranslation("admin.levels.title")),
                new Paragraph(getTranslation("admin.levels.explained")), levelForm(), levelErrors, levelGrid,
                new HorizontalLayout(save, cancel));
        form.setId("admin-resource-form");
        form.setWidthFull();
        return form;
    }

    private Div levelForm() {
        levelName.setId("level-name");
        levelName.setLabel(getTranslation("admin.levels.name"));
        levelApprovers.setId("level-approvers");
        levelApprovers.setLabel(getTranslation("admin.levels.approvers"));
        levelRole.setId("level-role");
        levelRole.setLabel(getTranslation("admin.levels.role"));
        levelRole.setItems("", Role.APPROVER.name(), Role.ADMIN.name());
        levelRole.setItemLabelGenerator(r -> getTranslation(r.isEmpty() ? "admin.levels.role-none" : "admin.role." + r));
        levelRole.setValue("");
        levelMinAttendees.setId("level-min-attendees");
        levelMinAttendees.setLabel(getTranslation("admin.levels.min-attendees"));
        levelMinAttendees.setValue(0);
        levelMinMinutes.setId("level-min-minutes");
        levelMinMinutes.setLabel(getTranslation("admin.levels.min-minutes"));
        levelMinMinutes.setValue(0);
        levelEscalateTo.setId("level-escalate-to");
        levelEscalateTo.setLabel(getTranslation("admin.levels.escalate-to"));
        levelErrors.setId("level-errors");
        levelErrors.getStyle().set("color", "var(--lumo-error-text-color)");
        levelEscalateTo.getElement().setAttribute("aria-describedby", "level-errors");
        Button add = new Button(getTranslation("admin.levels.add"), e -> addLevel());
        add.setId("level-add");
        levelGrid.setId("admin-levels");
        levelGrid.setAllRowsVisible(true);
        levelGrid.addColumn(ApprovalLevel::name).setHeader(getTranslation("admin.levels.column.level"));
        levelGrid.addColumn(this::decidedBy).setHeader(getTranslation("admin.levels.column.decided-by"));
        var applies = levelGrid.addColumn(l -> getTranslation("admin.levels.applies", l.minAttendees(),
                l.minDurationMinutes())).setHeader(getTranslation("admin.levels.column.applies"));
        var escalates = levelGrid.addColumn(l -> l.escalateTo().isEmpty()
                ? getTranslation("admin.levels.escalates-to-admins") : String.join(", ", l.escalateTo()))
                .setHeader(getTranslation("admin.levels.column.escalates-to"));
        Narrow.hideWhenNarrow(this, applies, escalates);
        levelGrid.addComponentColumn(l -> {
            Button remove = new Button(getTranslation("admin.levels.remove"), e -> {
                levels.remove(l);
                levelGrid.setItems(levels);
            });
            remove.setAriaLabel(getTranslation("admin.levels.remove-aria", l.name()));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return remove;
        }).setHeader(getTranslation("admin.levels.column.remove")).setAutoWidth(true).setFlexGrow(0);
        return new Div(new FormLayout(levelName, levelApprovers, levelRole, levelMinAttendees, levelMinMinutes,
                levelEscalateTo), add);
    }

    private String decidedBy(ApprovalLevel l) {
        List<String> who = new ArrayList<>(l.approvers());
        if (l.approverRole() != null) {
            who.add(getTranslation("admin.levels.role-member", l.approverRole()));
        }
        return String.join(", ", who);
    }

    private void addLevel() {
        ApprovalLevel level = new ApprovalLevel(levelName.getValue().trim(), names(levelApprovers.getValue()),
                levelRole.getValue() == null || levelRole.getValue().isEmpty() ? null : levelRole.getValue(),
                orZero(levelMinAttendees.getValue()), orZero(levelMinMinutes.getValue()), List.of(),
                names(levelEscalateTo.getValue()));
        List<FieldViolation> wrong = new ArrayList<>(level.violations("level"));
        wrong.addAll(ApproverNames.unknown("level.approvers", level.approvers(), directory::userExists));
        wrong.addAll(ApproverNames.unknown("level.escalateTo", level.escalateTo(), directory::userExists));
        levelErrors.setText(String.join(" ", wrong.stream().map(v -> Refusals.of(this, v)).distinct().toList()));
        if (wrong.isEmpty()) {
            levels.add(level);
            levelGrid.setItems(levels);
            levelName.clear();
            levelApprovers.clear();
            levelEscalateTo.clear();
        }
    }

    /** A new resource's form: empty name, the defaults, the administrator's own time zone. */
    private void startNew() {
        editing = null;
        loadedDeadline = null;
        formTitle.setText(getTranslation("admin.resource.new-title"));
        save.setText(getTranslation("admin.resource.register"));
        cancel.setVisible(false);
        name.clear();
        capacity.setValue(8);
        timeZone.setValue(ownZone());
        buffer.setValue(ResourceSpec.DEFAULT_BUFFER_MINUTES);
        minMinutes.setValue(ResourceSpec.DEFAULT_MIN_DURATION_MINUTES);
        maxMinutes.setValue(ResourceSpec.DEFAULT_MAX_DURATION_MINUTES);
        windowDays.setValue(ResourceSpec.DEFAULT_BOOKING_WINDOW_DAYS);
        approval.setValue(false);
        approvers.clear();
        deadlineHours.clear();
        openingHours.setValue(List.of());
        checkInRequired.setValue(false);
        privateByDefault.setValue(false);
        checkInMinutes.setValue(10);
        site.clear();
        levels.clear();
        levelGrid.setItems(levels);
        clearLevelInputs();
        clearErrors();
    }

    /** The form shows the resource as it is; saving sends the edit. */
    private void load(ResourceView r) {
        ResourceSpec spec = r.spec();
        editing = r;
        formTitle.setText(getTranslation("admin.resource.edit-title", spec.name()));
        save.setText(getTranslation("admin.resource.save"));
        cancel.setVisible(true);
        name.setValue(spec.name());
        capacity.setValue(spec.capacity());
        timeZone.setValue(spec.timeZone());
        buffer.setValue(spec.bufferMinutes());
        minMinutes.setValue(spec.minDurationMinutes());
        maxMinutes.setValue(spec.maxDurationMinutes());
        windowDays.setValue(spec.bookingWindowDays());
        approval.setValue(spec.approvalRequired());
        approvers.setValue(String.join(", ", spec.approvers()));
        loadedDeadline = spec.approvalDeadline();
        deadlineHours.setValue(hoursOf(spec.approvalDeadline()));
        openingHours.setValue(spec.openingHours());
        checkInRequired.setValue(spec.checkIn() != null && spec.checkIn().required());
        privateByDefault.setValue(spec.privateByDefault());
        checkInMinutes.setValue(spec.checkIn() == null ? 10 : spec.checkIn().windowMinutes());
        site.setItems(sites.list());
        site.setValue(spec.siteId() == null ? null
                : sites.find(spec.siteId()).orElse(null));
        levels.clear();
        levels.addAll(spec.approvalLevels());
        levelGrid.setItems(levels);
        clearLevelInputs();
        clearErrors();
        name.focus();
    }

    private void save() {
        clearErrors();
        ResourceSpec spec = new ResourceSpec(name.getValue(), orZero(capacity.getValue()), timeZone.getValue(),
                approval.getValue() || !levels.isEmpty(), names(approvers.getValue()), orZero(buffer.getValue()),
                orZero(minMinutes.getValue()), orZero(maxMinutes.getValue()), orZero(windowDays.getValue()),
                levels, deadline(), openingHours.value(), checkInRequired.getValue()
                        ? new CheckInPolicy(true, orZero(checkInMinutes.getValue()))
                        : null, // unticked: no check-in
                privateByDefault.getValue(), site.getValue() == null ? null : site.getValue().siteId());
        try {
            if (editing == null) {
                desk.register(spec);
                Notification.show(getTranslation("admin.resource.registered", spec.name()));
            } else {
                desk.change(editing.id(), spec);
                Notification.show(getTranslation("admin.resource.saved", spec.name()));
            }
        } catch (InvalidInputException invalid) {
            invalid.violations().forEach(this::mark);
            return;
        }
        startNew();
        reload();
    }

    private void mark(FieldViolation v) {
        String message = Refusals.of(this, v);
        if (openingHours.mark(v, message)) {
            return;
        }
        switch (v.field()) {
            case "name" -> { name.setInvalid(true); name.setErrorMessage(message); }
            case "capacity" -> { capacity.setInvalid(true); capacity.setErrorMessage(message); }
            case "timeZone" -> { timeZone.setInvalid(true); timeZone.setErrorMessage(message); }
            case "minDurationMinutes" -> { minMinutes.setInvalid(true); minMinutes.setErrorMessage(message); }
            case "maxDurationMinutes" -> { maxMinutes.setInvalid(true); maxMinutes.setErrorMessage(message); }
            case "bookingWindowDays" -> { windowDays.setInvalid(true); windowDays.setErrorMessage(message); }
            case "bufferMinutes" -> { buffer.setInvalid(true); buffer.setErrorMessage(message); }
            case "approvalDeadline" -> { deadlineHours.setInvalid(true); deadlineHours.setErrorMessage(message); }
            case "approvers" -> { approvers.setInvalid(true); approvers.setErrorMessage(message); }
            case "checkIn.windowMinutes" -> { checkInMinutes.setInvalid(true); checkInMinutes.setErrorMessage(message); }
            case "siteId" -> { site.setInvalid(true); site.setErrorMessage(message); }
            default -> levelErrors.setText((levelErrors.getText().isEmpty() ? "" : levelErrors.getText() + "; ")
                    + v.field() + ": " + message);
        }
    }

    private void clearErrors() {
        for (var field : List.of(name, approvers)) {
            field.setInvalid(false);
        }
        for (var field : List.of(capacity, buffer, minMinutes, maxMinutes, windowDays, deadlineHours, checkInMinutes)) {
            field.setInvalid(false);
        }
        timeZone.setInvalid(false);
        site.setInvalid(false);
        openingHours.clearErrors();
        levelErrors.setText("");
    }

    private void clearLevelInputs() {
        levelName.clear();
        levelApprovers.clear();
        levelEscalateTo.clear();
        levelRole.setValue("");
        levelMinAttendees.setValue(0);
        levelMinMinutes.setValue(0);
    }

    /** The deadline in hours as typed; an edited resource's exact one while its hours are left alone. */
    private String deadline() {
        Integer hours = deadlineHours.getValue();
        if (hours == null) {
            return null;
        }
        if (loadedDeadline != null && hours.equals(hoursOf(loadedDeadline))) {
            return loadedDeadline;
        }
        return "PT" + hours + "H";
    }

    /** Whole hours, rounded up; null for none or one that is not a duration. */
    static Integer hoursOf(String isoDuration) {
        if (isoDuration == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(isoDuration);
            long hours = d.toHours();
            if (!d.minusHours(hours).isZero()) {
                hours++;
            }
            return (int) Math.min(Integer.MAX_VALUE, hours);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private String ownZone() {
        String zone = UserZone.current().getId();
        return timeZone.getListDataView().contains(zone) ? zone : "UTC";
    }

    static List<String> names(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
