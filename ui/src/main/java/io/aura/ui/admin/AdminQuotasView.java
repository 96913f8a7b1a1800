package io.aura.ui.admin;

import com.vaadin.flow.component.HasValidation;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.identity.Role;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.quota.Quotas;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import io.aura.ui.Refusals;
import io.aura.ui.ResourceDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Administration: the quotas (ADR 0034), the same service as {@code /api/quotas}. Defining and removing one
 * are audited; every quota counts per person.
 */
@Route(value = "admin/quotas", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AdminQuotasView extends VerticalLayout implements HasDynamicTitle {
    private final Quotas quotas;
    private final Map<String, String> names;
    private final Grid<QuotaView> grid = new Grid<>(QuotaView.class, false);

    public AdminQuotasView(Quotas quotas, ResourceDirectory resources) {
        this.quotas = quotas;
        List<ResourceView> all = resources.all();
        this.names = all.stream().collect(Collectors.toMap(ResourceView::id, r -> r.spec().name(), (a, b) -> a));
        ComboBox<ResourceView> resource = new ComboBox<>(getTranslation("admin.quotas.resource"), all);
        resource.setItemLabelGenerator(r -> r.spec().name());
        resource.setClearButtonVisible(true);
        resource.setPlaceholder(getTranslation("admin.quotas.any-resource"));
        resource.setId("quota-resource");
        Select<String> role = new Select<>();
        role.setLabel(getTranslation("admin.quotas.role"));
        List<String> roles = new ArrayList<>(List.of(""));
        for (Role r : Role.values()) {
            roles.add(r.name());
        }
        role.setItems(roles);
        role.setItemLabelGenerator(r -> r.isEmpty() ? getTranslation("admin.quotas.any-role") : getTranslation("admin.role." + r));
        role.setValue("");
        role.setId("quota-role");
        TextField username = new TextField(getTranslation("admin.quotas.username"));
        username.setPlaceholder(getTranslation("admin.quotas.anyone"));
        username.setId("quota-username");
        TextField category = new TextField(getTranslation("admin.quotas.category"));
        category.setHelperText(getTranslation("admin.quotas.category-help"));
        category.setId("quota-category");
        Select<QuotaPeriod> period = new Select<>();
        period.setLabel(getTranslation("admin.quotas.period"));
        period.setItems(QuotaPeriod.values());
        period.setItemLabelGenerator(this::periodName);
        period.setValue(QuotaPeriod.P1W);
        period.setId("quota-period");
        IntegerField maxBookings = new IntegerField(getTranslation("admin.quotas.max-bookings"));
        maxBookings.setId("quota-max-bookings");
        IntegerField maxMinutes = new IntegerField(getTranslation("admin.quotas.max-minutes"));
        maxMinutes.setId("quota-max-minutes");
        Map<String, HasValidation> fields = Map.of("resourceId", resource, "role", role, "username", username,
                "category", category, "period", period, "maxBookings", maxBookings, "maxMinutes", maxMinutes);
        Button define = new Button(getTranslation("admin.quotas.define"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                quotas.define(new QuotaSpec(resource.getValue() == null ? null : resource.getValue().id(),
                        category.getValue(), role.getValue(), username.getValue(), period.getValue(),
                        maxMinutes.getValue(), maxBookings.getValue()));
                maxBookings.clear();
                maxMinutes.clear();
                reload();
                Notification.show(getTranslation("admin.quotas.defined"));
            } catch (InvalidInputException invalid) {
                for (FieldViolation v : invalid.violations()) {
                    HasValidation field = fields.getOrDefault(v.field(), maxBookings);
                    field.setInvalid(true);
                    field.setErrorMessage(Refusals.of(this, v));
                }
            }
        });
        define.setId("quota-define");
        define.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("quotas");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(this::scope).setHeader(getTranslation("admin.quotas.column.whom")).setFlexGrow(3);
        grid.addColumn(q -> limits(q.spec())).setHeader(getTranslation("admin.quotas.column.limit")).setFlexGrow(2);
        grid.addComponentColumn(q -> {
            Button remove = new Button(getTranslation("admin.quotas.remove"), e -> {
                quotas.remove(q.quotaId());
                reload();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.getElement().setAttribute("aria-label", getTranslation("admin.quotas.remove-aria", scope(q)));
            return remove;
        }).setHeader(getTranslation("admin.quotas.column.remove")).setAutoWidth(true).setFlexGrow(0);
        add(new H2(getTranslation("admin.quotas.title")), new Paragraph(getTranslation("admin.quotas.explained")),
                new FormLayout(resource, role, username, category, period, maxBookings, maxMinutes), define, grid);
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.quotas.page-title");
    }

    private void reload() {
        grid.setItems(quotas.all());
    }

    private String periodName(QuotaPeriod period) {
        return getTranslation(period == QuotaPeriod.P1W ? "admin.quotas.per-week" : "admin.quotas.per-month");
    }

    /** Whose bookings it limits and which of them count, in words. */
    private String scope(QuotaView q) {
        QuotaSpec s = q.spec();
        List<String> parts = new ArrayList<>();
        parts.add(s.username() != null ? s.username()
                : s.role() != null ? getTranslation("admin.quotas.everyone-with", getTranslation("admin.role." + s.role()))
                : getTranslation("admin.quotas.everyone"));
        if (s.resourceId() != null) {
            parts.add(getTranslation("admin.quotas.on", names.getOrDefault(s.resourceId(), s.resourceId())));
        }
        if (s.category() != null) {
            parts.add(getTranslation("admin.quotas.in-category", s.category()));
        }
        return String.join(" ", parts);
    }

    private String limits(QuotaSpec s) {
        List<String> parts = new ArrayList<>();
        if (s.maxBookings() != null) {
            parts.add(getTranslation("admin.quotas.bookings", s.maxBookings()));
        }
        if (s.maxMinutes() != null) {
            parts.add(getTranslation("admin.quotas.minutes", s.maxMinutes()));
        }
        return String.join(", ", parts) + " " + periodName(s.period());
    }
}
