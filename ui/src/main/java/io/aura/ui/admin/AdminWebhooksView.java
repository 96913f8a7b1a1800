package io.aura.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.webhook.Webhooks;
import io.aura.kernel.webhook.Webhooks.Subscription;
import io.aura.ui.MainLayout;
import io.aura.ui.Refusals;
import jakarta.annotation.security.RolesAllowed;

/**
 * Administration: which URLs receive booking and approval events. The same service as
 * {@code /api/webhooks}; registering and removing are audited; the secret is never shown again.
 */
@Route(value = "admin/webhooks", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AdminWebhooksView extends VerticalLayout implements HasDynamicTitle {
    private final Webhooks webhooks;
    private final Grid<Subscription> grid = new Grid<>(Subscription.class, false);

    public AdminWebhooksView(Webhooks webhooks) {
        this.webhooks = webhooks;
        TextField url = new TextField(getTranslation("admin.webhooks.url"));
        url.setId("webhook-url");
        url.setPlaceholder("https://example.org/aura-events");
        PasswordField secret = new PasswordField(getTranslation("admin.webhooks.secret"));
        secret.setId("webhook-secret");
        Button register = new Button(getTranslation("admin.webhooks.register"), e -> {
            url.setInvalid(false);
            secret.setInvalid(false);
            try {
                Subscription created = webhooks.register(url.getValue(), secret.getValue());
                url.clear();
                secret.clear();
                reload();
                Notification.show(getTranslation("admin.webhooks.registered", created.url()));
            } catch (InvalidInputException invalid) {
                for (FieldViolation v : invalid.violations()) {
                    if ("url".equals(v.field())) {
                        url.setInvalid(true);
                        url.setErrorMessage(Refusals.of(this, v));
                    } else {
                        secret.setInvalid(true);
                        secret.setErrorMessage(Refusals.of(this, v));
                    }
                }
            }
        });
        register.setId("webhook-register");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("webhooks");
        // the address wraps; on a phone who registered it and when give way to it
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Subscription::url).setHeader(getTranslation("admin.webhooks.column.url")).setWidth("10em")
                .setFlexGrow(3);
        var by = grid.addColumn(Subscription::createdBy).setHeader(getTranslation("admin.webhooks.column.by"))
                .setAutoWidth(true);
        var since = grid.addColumn(s -> io.aura.ui.UserZone.at(s.createdAt(), io.aura.ui.UserZone.current()))
                .setHeader(getTranslation("admin.webhooks.column.since")).setAutoWidth(true);
        io.aura.ui.Narrow.hideWhenNarrow(this, by, since);
        grid.addComponentColumn(s -> {
            Button remove = new Button(getTranslation("admin.webhooks.remove"), e -> {
                webhooks.remove(s.id());
                reload();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.getElement().setAttribute("aria-label", getTranslation("admin.webhooks.remove-aria", s.url()));
            return remove;
        }).setHeader(getTranslation("admin.webhooks.column.remove"));
        add(new H2(getTranslation("admin.webhooks.title")), new Paragraph(getTranslation("admin.webhooks.explained")),
                new FormLayout(url, secret), register, grid);
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.webhooks.page-title");
    }

    private void reload() {
        grid.setItems(webhooks.all());
    }
}
