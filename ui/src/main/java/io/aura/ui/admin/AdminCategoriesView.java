package io.aura.ui.admin;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.category.Categories;
import io.aura.kernel.category.CategoryQueries.CategoryView;
import io.aura.kernel.category.CategorySpec;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import io.aura.ui.Refusals;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/**
 * Administration: the booking categories and their colours (ADR 0040), the same service as
 * {@code /api/categories}. Adding and removing one are audited; bookings keep a removed category's name.
 */
@Route(value = "admin/categories", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AdminCategoriesView extends VerticalLayout implements HasDynamicTitle {
    private final Categories categories;
    private final Grid<CategoryView> grid = new Grid<>(CategoryView.class, false);

    public AdminCategoriesView(Categories categories) {
        this.categories = categories;
        TextField name = new TextField(getTranslation("admin.categories.name"));
        name.setId("category-name");
        name.setMaxLength(CategorySpec.MAX_NAME_LENGTH);
        TextField colour = new TextField(getTranslation("admin.categories.colour"));
        colour.setId("category-colour");
        colour.setHelperText(getTranslation("admin.categories.colour-help"));
        colour.setValue("#1A6FD6");
        Map<String, HasValidation> fields = Map.of("name", name, "colour", colour);
        Button define = new Button(getTranslation("admin.categories.define"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                categories.define(new CategorySpec(name.getValue(), colour.getValue()));
                name.clear();
                reload();
                Notification.show(getTranslation("admin.categories.defined"));
            } catch (InvalidInputException invalid) {
                for (FieldViolation v : invalid.violations()) {
                    HasValidation field = fields.getOrDefault(v.field(), name);
                    field.setInvalid(true);
                    field.setErrorMessage(Refusals.of(this, v));
                }
            }
        });
        define.setId("category-define");
        define.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("categories");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("admin.categories.none"));
        grid.addComponentColumn(c -> {
            Span dot = new Span();
            dot.addClassName("aura-resource-dot");
            dot.getStyle().set("background", c.colour());
            return new Span(dot, new Span(" " + c.name()));
        }).setHeader(getTranslation("admin.categories.column.name")).setFlexGrow(3);
        grid.addColumn(CategoryView::colour).setHeader(getTranslation("admin.categories.column.colour"))
                .setFlexGrow(1);
        grid.addComponentColumn(c -> {
            Button remove = new Button(getTranslation("admin.categories.remove"), e -> {
                categories.remove(c.categoryId());
                reload();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.getElement().setAttribute("aria-label", getTranslation("admin.categories.remove-aria", c.name()));
            return remove;
        }).setHeader(getTranslation("admin.categories.column.remove")).setAutoWidth(true).setFlexGrow(0);
        add(new H2(getTranslation("admin.categories.title")),
                new Paragraph(getTranslation("admin.categories.explained")), new FormLayout(name, colour), define,
                grid);
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.categories.page-title");
    }

    private void reload() {
        grid.setItems(categories.all());
    }
}
