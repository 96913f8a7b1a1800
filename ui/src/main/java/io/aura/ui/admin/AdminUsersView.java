package io.aura.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.identity.Accounts;
import io.aura.kernel.identity.Role;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;

/** Administration: create a user with roles (the same checks as POST /api/users); they can sign in at once. */
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · Aura Scheduler")
@RolesAllowed("ADMIN")
public class AdminUsersView extends VerticalLayout {
    private final TextField username = new TextField("User name");
    private final PasswordField password = new PasswordField("Password");
    private final EmailField email = new EmailField("E-mail (for notifications)");
    private final CheckboxGroup<String> roles = new CheckboxGroup<>("Roles");

    public AdminUsersView(Accounts accounts) {
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
        add(new H2("Create a user"), new FormLayout(username, password, email, roles), create);
    }
}
