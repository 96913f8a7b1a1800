package io.aura.ui.admin;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.identity.Role;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.whatif.PolicyChange;
import io.aura.kernel.whatif.WhatIfReport;
import io.aura.kernel.whatif.WhatIfReport.Answer;
import io.aura.kernel.whatif.WhatIfReport.Example;
import io.aura.kernel.whatif.WhatIfs;
import io.aura.ui.AuraTranslations;
import io.aura.ui.DatePickerTexts;
import io.aura.ui.MainLayout;
import io.aura.ui.Refusals;
import io.aura.ui.ResourceDirectory;
import io.aura.ui.UserZone;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Administration: the policy what-if (ADR 0048), the same service as {@code POST /api/admin/what-if}. A proposed
 * buffer, maximum length, opening hours, quota or approval level is tried on the requests of a period, in memory:
 * how many would have been refused and why, which requests would have been answered otherwise, and how full the
 * rooms would have been. Nothing is changed.
 */
@Route(value = "admin/what-if", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AdminWhatIfView extends VerticalLayout implements HasDynamicTitle {
    private final WhatIfs whatIfs;
    private final Map<String, String> names;
    private final DatePicker from = DatePickerTexts.localize(new DatePicker());
    private final DatePicker to = DatePickerTexts.localize(new DatePicker());
    private final ComboBox<ResourceView> resource;
    private final IntegerField buffer = new IntegerField();
    private final IntegerField maxDuration = new IntegerField();
    private final Checkbox tryHours = new Checkbox();
    private final OpeningHoursEditor hours = new OpeningHoursEditor(this::getTranslation);
    private final Checkbox tryQuota = new Checkbox();
    private final Select<QuotaPeriod> quotaPeriod = new Select<>();
    private final IntegerField quotaBookings = new IntegerField();
    private final IntegerField quotaMinutes = new IntegerField();
    private final TextField quotaUsername = new TextField();
    private final Checkbox tryLevel = new Checkbox();
    private final IntegerField levelMinutes = new IntegerField();
    private final IntegerField levelAttendees = new IntegerField();
    private final Paragraph summary = new Paragraph();
    private final Grid<Map.Entry<String, Integer>> byRule = new Grid<>();
    private final Grid<Example> examples = new Grid<>(Example.class, false);
    private final Div results = new Div();

    public AdminWhatIfView(WhatIfs whatIfs, ResourceDirectory resources) {
        this.whatIfs = whatIfs;
        List<ResourceView> all = resources.all();
        names = all.stream().collect(Collectors.toMap(ResourceView::id, r -> r.spec().name(), (a, b) -> a));
        LocalDate today = LocalDate.now(UserZone.current());
        // dates written as the UI's language writes them (bare English the British way), as every other picker
        from.setLocale(DatePickerTexts.dates(getLocale()));
        to.setLocale(DatePickerTexts.dates(getLocale()));
        from.setLabel(getTranslation("admin.whatif.from"));
        from.setValue(today.minusDays(90));
        from.setId("whatif-from");
        to.setLabel(getTranslation("admin.whatif.to"));
        to.setValue(today.plusDays(1));
        to.setId("whatif-to");
        resource = new ComboBox<>(getTranslation("admin.whatif.resource"), all);
        resource.setItemLabelGenerator(r -> r.spec().name());
        resource.setClearButtonVisible(true);
        resource.setPlaceholder(getTranslation("admin.whatif.every-resource"));
        resource.setId("whatif-resource");
        buffer.setLabel(getTranslation("admin.whatif.buffer"));
        buffer.setHelperText(getTranslation("admin.whatif.unchanged-when-empty"));
        buffer.setId("whatif-buffer");
        maxDuration.setLabel(getTranslation("admin.whatif.max-duration"));
        maxDuration.setHelperText(getTranslation("admin.whatif.unchanged-when-empty"));
        maxDuration.setId("whatif-max-duration");
        tryHours.setLabel(getTranslation("admin.whatif.try-hours"));
        tryHours.setId("whatif-try-hours");
        hours.setVisible(false);
        tryHours.addValueChangeListener(e -> hours.setVisible(e.getValue()));
        tryQuota.setLabel(getTranslation("admin.whatif.try-quota"));
        tryQuota.setId("whatif-try-quota");
        quotaPeriod.setLabel(getTranslation("admin.quotas.period"));
        quotaPeriod.setItems(QuotaPeriod.values());
        quotaPeriod.setItemLabelGenerator(p -> getTranslation(p == QuotaPeriod.P1W ? "admin.quotas.per-week"
                : "admin.quotas.per-month"));
        quotaPeriod.setValue(QuotaPeriod.P1W);
        quotaPeriod.setId("whatif-quota-period");
        quotaBookings.setLabel(getTranslation("admin.quotas.max-bookings"));
        quotaBookings.setId("whatif-quota-bookings");
        quotaMinutes.setLabel(getTranslation("admin.quotas.max-minutes"));
        quotaMinutes.setId("whatif-quota-minutes");
        quotaUsername.setLabel(getTranslation("admin.quotas.username"));
        quotaUsername.setPlaceholder(getTranslation("admin.quotas.anyone"));
        quotaUsername.setId("whatif-quota-username");
        FormLayout quota = new FormLayout(quotaPeriod, quotaBookings, quotaMinutes, quotaUsername);
        quota.setVisible(false);
        tryQuota.addValueChangeListener(e -> quota.setVisible(e.getValue()));
        tryLevel.setLabel(getTranslation("admin.whatif.try-level"));
        tryLevel.setId("whatif-try-level");
        levelMinutes.setLabel(getTranslation("admin.whatif.level-minutes"));
        levelMinutes.setId("whatif-level-minutes");
        levelAttendees.setLabel(getTranslation("admin.whatif.level-attendees"));
        levelAttendees.setId("whatif-level-attendees");
        FormLayout level = new FormLayout(levelMinutes, levelAttendees);
        level.setVisible(false);
        tryLevel.addValueChangeListener(e -> level.setVisible(e.getValue()));
        Button run = new Button(getTranslation("admin.whatif.run"), e -> run());
        run.setId("whatif-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        summary.setId("whatif-summary");
        byRule.setId("whatif-by-rule");
        byRule.addColumn(e -> reason(e.getKey())).setHeader(getTranslation("admin.whatif.column.reason")).setFlexGrow(3);
        byRule.addColumn(Map.Entry::getValue).setHeader(getTranslation("admin.whatif.column.requests")).setFlexGrow(1);
        byRule.setAllRowsVisible(true);
        examples.setId("whatif-examples");
        examples.addColumn(x -> names.getOrDefault(x.resourceId(), x.resourceId()))
                .setHeader(getTranslation("admin.whatif.resource")).setFlexGrow(2);
        examples.addColumn(x -> UserZone.span(x.start(), x.end(), UserZone.current()))
                .setHeader(getTranslation("admin.whatif.column.when")).setFlexGrow(3);
        examples.addColumn(x -> answer(x.before())).setHeader(getTranslation("admin.whatif.column.before"))
                .setFlexGrow(3);
        examples.addColumn(x -> answer(x.after())).setHeader(getTranslation("admin.whatif.column.after"))
                .setFlexGrow(3);
        examples.setAllRowsVisible(true);
        results.add(new H3(getTranslation("admin.whatif.results")), summary, byRule,
                new H3(getTranslation("admin.whatif.examples")), examples);
        results.setVisible(false);

        add(new H2(getTranslation("admin.whatif.title")), new Paragraph(getTranslation("admin.whatif.explained")),
                new FormLayout(from, to, resource, buffer, maxDuration), tryHours, hours, tryQuota, quota, tryLevel,
                level, run, results);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.page-title", getTranslation("admin.whatif.title"));
    }

    private void run() {
        List<HasValidation> fields = List.of(from, to, resource, buffer, maxDuration, quotaPeriod, quotaBookings,
                quotaMinutes, quotaUsername, levelMinutes, levelAttendees);
        fields.forEach(f -> f.setInvalid(false));
        hours.clearErrors();
        ZoneId zone = UserZone.current();
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        Instant end = to.getValue() == null ? null : to.getValue().atStartOfDay(zone).toInstant();
        QuotaSpec quota = tryQuota.getValue() ? new QuotaSpec(null, null, null, quotaUsername.getValue(),
                quotaPeriod.getValue(), quotaMinutes.getValue(), quotaBookings.getValue()) : null;
        List<ApprovalLevel> levels = tryLevel.getValue()
                ? List.of(new ApprovalLevel(getTranslation("admin.whatif.level-name"), List.of(), Role.APPROVER.name(),
                        levelAttendees.getValue() == null ? 0 : levelAttendees.getValue(),
                        levelMinutes.getValue() == null ? 0 : levelMinutes.getValue(), List.of(), List.of()))
                : null;
        PolicyChange change = new PolicyChange(buffer.getValue(), maxDuration.getValue(),
                tryHours.getValue() ? hours.value() : null, quota, levels);
        try {
            show(whatIfs.whatIf(start, end, resource.getValue() == null ? null : resource.getValue().id(), change));
        } catch (InvalidInputException invalid) {
            results.setVisible(false);
            Map<String, HasValidation> byField = Map.ofEntries(Map.entry("from", from), Map.entry("to", to),
                    Map.entry("resourceId", resource), Map.entry("change.bufferMinutes", buffer),
                    Map.entry("change.maxDurationMinutes", maxDuration), Map.entry("change.quota.period", quotaPeriod),
                    Map.entry("change.quota.maxBookings", quotaBookings),
                    Map.entry("change.quota.maxMinutes", quotaMinutes),
                    Map.entry("change.quota.username", quotaUsername),
                    Map.entry("change.approvalLevels[0].minDurationMinutes", levelMinutes),
                    Map.entry("change.approvalLevels[0].minAttendees", levelAttendees));
            for (FieldViolation v : invalid.violations()) {
                String field = v.field().startsWith("change.") ? v.field().substring("change.".length()) : v.field();
                if (!hours.mark(new FieldViolation(field, v.message(), v.rule(), v.arguments()), Refusals.of(this, v))) {
                    HasValidation target = byField.getOrDefault(v.field(), to);
                    target.setInvalid(true);
                    target.setErrorMessage(Refusals.of(this, v));
                }
            }
        }
    }

    private void show(WhatIfReport report) {
        summary.setText(getTranslation("admin.whatif.summary", report.bookingsConsidered(), report.refusedBefore(),
                report.wouldBeRefused(), report.newlyRefused(), report.newlyAccepted(),
                percent(report.utilizationBefore()), percent(report.utilizationAfter()),
                report.approvals().neededBefore(), report.approvals().neededAfter()));
        byRule.setItems(List.copyOf(report.byRule().entrySet()));
        examples.setItems(report.examples());
        results.setVisible(true);
    }

    private static String percent(double share) {
        return String.format(UserZone.locale(), "%.1f %%", share * 100);
    }

    private String answer(Answer answer) {
        if (answer.verdict() == WhatIfReport.Verdict.ACCEPTED) {
            return answer.approvalLevels() == 0 ? getTranslation("admin.whatif.accepted")
                    : getTranslation("admin.whatif.accepted-with-approval", answer.approvalLevels());
        }
        return getTranslation("admin.whatif.refused",
                answer.reasons().stream().map(this::reason).collect(Collectors.joining(", ")));
    }

    /** A reason in the viewer's words where the screen has them (a conflict's source, a common rule), else its code. */
    private String reason(String code) {
        String key = "admin.whatif.reason." + code;
        return AuraTranslations.lookup(key, getLocale()) == null ? code : getTranslation(key);
    }
}
