package io.aura.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.identity.Accounts;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Administration: create a user with roles (the same checks as POST /api/users); they can sign in at once.
 * Every user is listed, and a role can be revoked or a user disabled (the same commands as the API).
 */
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · Aura Scheduler")
@RolesAllowed("ADMIN")
public class AdminUsersView extends VerticalLayout {
    private final TextField username = new TextField("User name");
    private final PasswordField password = new PasswordField("Password");
    private final EmailField email = new EmailField("E-mail (for notifications)");
    private final CheckboxGroup<String> roles = new CheckboxGroup<>("Roles");
    private final Grid<UserView> users = new Grid<>(UserView.class, false);
    private final UserDesk desk;

    public AdminUsersView(Accounts accounts, UserDesk desk) {
        this.desk = desk;
        username.setId("user-name");
        password.setId("user-password");
        roles.setItems(Arrays.stream(Role.values()).map(Role::name).toList());
        roles.select(Role.REQUESTER.name());
        Button create = new Button("Create user", e -> {
            List.of(username, password).forEach(f -> f.setInvalid(false));
            email.setInvalid(false);
            try {
                accounts.create(username.getValue(), password.getValue(), List.copyOf(roles.getSelectedItems()), null,
                        email.getValue().isBlank() ? null : email.getValue());
                Notification.show("Created " + username.getValue() + ".");
                reload();
                username.clear();
                password.clear();
                email.clear();
            } catch (InvalidInputException invalid) {
                for (FieldViolation v : invalid.violations()) {
                    switch (v.field()) {
                        case "password" -> { password.setInvalid(true); password.setErrorMessage(v.message()); }
                        case "email" -> { email.setInvalid(true); email.setErrorMessage(v.message()); }
                        default -> { username.setInvalid(true); username.setErrorMessage(v.field() + ": " + v.message()); }
                    }
                }
            } catch (RuntimeException refused) {
                username.setInvalid(true);
                username.setErrorMessage(refused.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("user-create");
        users.setId("users");
        users.addColumn(UserView::username).setHeader("User name").setAutoWidth(true);
        users.addColumn(u -> u.displayName() == null ? "" : u.displayName()).setHeader("Display name").setAutoWidth(true);
        users.addColumn(u -> u.email() == null ? "" : u.email()).setHeader("E-mail").setAutoWidth(true);
        users.addColumn(u -> u.roles().stream().sorted().map(Role::name).collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true);
        users.addColumn(u -> u.disabled() ? "disabled" : "active").setHeader("Status").setAutoWidth(true);
        users.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        users.setAllRowsVisible(true);
        add(new H2("Create a user"), new FormLayout(username, password, email, roles), create, new H2("Users"), users);
        reload();
    }

    /** Revoke one of the roles held, or disable; the user's account decides whether it may be done. */
    private HorizontalLayout actions(UserView user) {
        Select<Role> held = new Select<>();
        held.setItems(user.roles().stream().sorted().toList());
        held.setItemLabelGenerator(Role::name);
        held.setPlaceholder("Role");
        held.setAriaLabel("Role to revoke from " + user.username());
        held.addClassName("revoke-role");
        held.setEnabled(!user.roles().isEmpty());
        Button revoke = new Button("Revoke role", e -> {
            if (held.getValue() == null) {
                held.setInvalid(true);
                held.setErrorMessage("choose a role");
                return;
            }
            Role role = held.getValue();
            attempt(() -> desk.revokeRole(user.username(), role), "Revoked " + role + " from " + user.username() + ".");
        });
        revoke.addClassName("revoke");
        revoke.getElement().setAttribute("aria-label", "Revoke the chosen role from " + user.username());
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        revoke.setEnabled(!user.roles().isEmpty());
        Button disable = new Button("Disable", e -> confirmDisable(user));
        disable.addClassName("disable");
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        disable.getElement().setAttribute("aria-label", "Disable " + user.username());
        disable.setEnabled(!user.disabled());
        HorizontalLayout row = new HorizontalLayout(held, revoke, disable);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setSpacing(false);
        return row;
    }

    private void confirmDisable(UserView user) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("disable-confirm");
        confirm.setHeader("Disable " + user.username() + "?");
        confirm.setText("Their API tokens and signed-in sessions stop working at once, and they can no longer sign in.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Disable");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> attempt(() -> desk.disable(user.username()), "Disabled " + user.username() + "."));
        confirm.open();
    }

    /** A refusal (e.g. locking oneself out) is told, not thrown: the list stays as it is. */
    private void attempt(Runnable change, String done) {
        try {
            change.run();
            Notification.show(done);
        } catch (RuntimeException refused) {
            Notification.show("Not possible: " + refused.getMessage())
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        reload();
    }

    private void reload() {
        users.setItems(desk.all());
    }
}
