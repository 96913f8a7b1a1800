package io.aura.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.identity.Accounts;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import io.aura.ui.Narrow;
import io.aura.ui.Refusals;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Administration of users: every user listed and searched (user name, display name, e-mail); a role granted
 * or revoked, a user disabled, a display name and e-mail edited (the commands of /api/users, through
 * {@link UserDesk}); a user created with roles (the checks of POST /api/users) who can sign in at once.
 */
@Route(value = "admin/users", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AdminUsersView extends VerticalLayout implements HasDynamicTitle {
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final EmailField email = new EmailField();
    private final TextField displayName = new TextField();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final TextField search = new TextField();
    private final Grid<UserView> users = new Grid<>(UserView.class, false);
    private final UserDesk desk;
    private List<UserView> all = List.of();
    /** One editor for every user: each opening loads the user it edits, nothing kept from the one before. */
    private final Dialog editor = new Dialog();
    private final TextField editDisplayName = new TextField();
    private final EmailField editEmail = new EmailField();
    private final Button editSave = new Button();
    private String editing;
    private static final String ACTIONS_WIDE = "24em";
    private static final String ACTIONS_NARROW = "13em";

    public AdminUsersView(Accounts accounts, UserDesk desk) {
        this.desk = desk;
        setPadding(true);
        username.setId("user-name");
        username.setLabel(getTranslation("admin.users.username"));
        password.setId("user-password");
        password.setLabel(getTranslation("admin.users.password"));
        displayName.setId("user-display-name");
        displayName.setLabel(getTranslation("admin.users.display-name"));
        email.setId("user-email");
        email.setLabel(getTranslation("admin.users.email"));
        roles.setId("user-roles");
        roles.setLabel(getTranslation("admin.users.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(this::roleLabel);
        roles.select(Role.REQUESTER);
        Button create = new Button(getTranslation("admin.users.create"), e -> create(accounts));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("user-create");

        search.setId("user-search");
        search.setLabel(getTranslation("admin.users.search"));
        search.setPlaceholder(getTranslation("admin.users.search-placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("min(100%, 22em)");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());

        users.setId("users");
        users.setWidthFull();
        // a long user name is cut with an ellipsis on a phone rather than widening the list past its screen
        users.addColumn(UserView::username).setHeader(getTranslation("admin.users.column.username"))
                .setWidth("8em").setFlexGrow(1).setKey("username");
        users.addColumn(u -> u.displayName() == null ? "" : u.displayName())
                .setHeader(getTranslation("admin.users.column.display-name")).setWidth("9em").setFlexGrow(1)
                .setKey("display");
        users.addColumn(u -> u.email() == null ? "" : u.email()).setHeader(getTranslation("admin.users.column.email"))
                .setWidth("10em").setFlexGrow(1).setKey("email");
        users.addColumn(u -> u.roles().stream().sorted().map(this::roleLabel).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("admin.users.column.roles")).setWidth("10em").setFlexGrow(1).setKey("roles");
        users.addColumn(u -> getTranslation(u.disabled() ? "admin.users.status.disabled" : "admin.users.status.active"))
                .setHeader(getTranslation("admin.users.column.status")).setAutoWidth(true).setKey("status");
        // its controls wrap onto more lines where the column is narrower than they are
        Grid.Column<UserView> actions = users.addComponentColumn(this::actions)
                .setHeader(getTranslation("admin.users.column.actions")).setWidth(ACTIONS_WIDE).setFlexGrow(1)
                .setKey("actions");
        users.setAllRowsVisible(true);
        List<Grid.Column<UserView>> secondary = List.of(users.getColumnByKey("display"), users.getColumnByKey("email"),
                users.getColumnByKey("roles"), users.getColumnByKey("status"));
        Narrow.whenResized(this, narrow -> {
            secondary.forEach(c -> c.setVisible(!narrow));
            actions.setWidth(narrow ? ACTIONS_NARROW : ACTIONS_WIDE);
        });

        add(new H2(getTranslation("admin.users.list-title")), search, users,
                new H2(getTranslation("admin.users.create-title")),
                new FormLayout(username, password, displayName, email, roles), create);
        buildEditor();
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.page-title");
    }

    private String roleLabel(Role role) {
        return getTranslation("admin.role." + role.name());
    }

    private void create(Accounts accounts) {
        List.of(username, displayName).forEach(f -> f.setInvalid(false));
        password.setInvalid(false);
        email.setInvalid(false);
        roles.setInvalid(false);
        String created = username.getValue();
        try {
            accounts.create(created, password.getValue(), roles.getSelectedItems().stream().sorted().map(Role::name)
                    .toList(), displayName.getValue().isBlank() ? null : displayName.getValue().strip(),
                    email.getValue().isBlank() ? null : email.getValue());
        } catch (InvalidInputException invalid) {
            for (FieldViolation v : invalid.violations()) {
                String message = Refusals.of(this, v);
                switch (v.field()) {
                    case "password" -> { password.setInvalid(true); password.setErrorMessage(message); }
                    case "email" -> { email.setInvalid(true); email.setErrorMessage(message); }
                    case "displayName" -> { displayName.setInvalid(true); displayName.setErrorMessage(message); }
                    case "roles" -> { roles.setInvalid(true); roles.setErrorMessage(message); }
                    default -> { username.setInvalid(true); username.setErrorMessage(message); }
                }
            }
            return;
        } catch (RuntimeException refused) {
            username.setInvalid(true);
            username.setErrorMessage(refused.getMessage());
            return;
        }
        Notification.show(getTranslation("admin.users.created", created));
        // the form starts again for the next person
        username.clear();
        password.clear();
        displayName.clear();
        email.clear();
        roles.setValue(Set.of(Role.REQUESTER));
        reload();
    }

    /** Grant a role not held, revoke one held, or disable; the user's account decides whether it may be done. */
    private HorizontalLayout actions(UserView user) {
        Select<Role> held = new Select<>();
        held.setItems(user.roles().stream().sorted().toList());
        held.setItemLabelGenerator(this::roleLabel);
        held.setPlaceholder(getTranslation("admin.users.revoke-placeholder"));
        held.setAriaLabel(getTranslation("admin.users.revoke-role-aria", user.username()));
        held.addClassName("revoke-role");
        held.setEnabled(!user.roles().isEmpty());
        Button revoke = new Button(getTranslation("admin.users.revoke"), e -> {
            if (held.getValue() == null) {
                held.setInvalid(true);
                held.setErrorMessage(getTranslation("admin.users.choose-role"));
                return;
            }
            Role role = held.getValue();
            attempt(() -> desk.revokeRole(user.username(), role),
                    getTranslation("admin.users.revoked", roleLabel(role), user.username()));
        });
        revoke.addClassName("revoke");
        revoke.setAriaLabel(getTranslation("admin.users.revoke-aria", user.username()));
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        revoke.setEnabled(!user.roles().isEmpty());

        Set<Role> notHeld = EnumSet.allOf(Role.class);
        notHeld.removeAll(user.roles());
        Select<Role> grantable = new Select<>();
        grantable.setItems(notHeld.stream().sorted().toList());
        grantable.setItemLabelGenerator(this::roleLabel);
        grantable.setPlaceholder(getTranslation("admin.users.grant-placeholder"));
        grantable.setAriaLabel(getTranslation("admin.users.grant-role-aria", user.username()));
        grantable.addClassName("grant-role");
        grantable.setEnabled(!notHeld.isEmpty());
        Button grant = new Button(getTranslation("admin.users.grant"), e -> {
            if (grantable.getValue() == null) {
                grantable.setInvalid(true);
                grantable.setErrorMessage(getTranslation("admin.users.choose-role"));
                return;
            }
            Role role = grantable.getValue();
            attempt(() -> desk.grantRole(user.username(), role),
                    getTranslation("admin.users.granted", roleLabel(role), user.username()));
        });
        grant.addClassName("grant");
        grant.setAriaLabel(getTranslation("admin.users.grant-aria", user.username()));
        grant.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        grant.setEnabled(!notHeld.isEmpty() && !user.disabled());

        Button edit = new Button(getTranslation("admin.users.edit"), e -> openEditor(user));
        edit.addClassName("edit");
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        edit.setAriaLabel(getTranslation("admin.users.edit-aria", user.username()));

        Button disable = new Button(getTranslation("admin.users.disable"), e -> confirmDisable(user));
        disable.addClassName("disable");
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        disable.setAriaLabel(getTranslation("admin.users.disable-aria", user.username()));
        disable.setEnabled(!user.disabled());
        Button erase = new Button(getTranslation("admin.users.erase"), e -> confirmErase(user));
        erase.addClassName("erase");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        erase.setAriaLabel(getTranslation("admin.users.erase-aria", user.username()));
        HorizontalLayout row = new HorizontalLayout(edit, held, revoke, grantable, grant, disable, erase);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setSpacing(false);
        // on a phone the controls go onto more lines instead of widening the row
        row.getStyle().set("flex-wrap", "wrap");
        held.setWidth("8em");
        grantable.setWidth("8em");
        return row;
    }

    private void buildEditor() {
        editor.setId("profile-editor");
        // the title says whose they are; a label naming the user would be cut on a phone
        editDisplayName.setId("profile-display-name");
        editDisplayName.setLabel(getTranslation("admin.users.display-name"));
        editDisplayName.setWidthFull();
        editEmail.setId("profile-email");
        editEmail.setLabel(getTranslation("admin.users.email"));
        editEmail.setWidthFull();
        // the server's rule decides, the one of registration; the browser's own check would be a second one
        editEmail.setManualValidation(true);
        editSave.setId("profile-save");
        editSave.setText(getTranslation("admin.users.edit-save"));
        editSave.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        editSave.addClickListener(e -> saveProfile());
        Button cancel = new Button(getTranslation("admin.users.edit-cancel"), e -> editor.close());
        cancel.setId("profile-cancel");
        FormLayout fields = new FormLayout(editDisplayName, editEmail);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        editor.add(fields);
        editor.getFooter().add(cancel, editSave);
        editor.setWidth("min(28em, 100%)");
    }

    /** The form shows this user as the list does, without anything typed for another one. */
    private void openEditor(UserView user) {
        editing = user.username();
        editor.setHeaderTitle(getTranslation("admin.users.edit-title", user.username()));
        editDisplayName.setValue(user.displayName() == null ? "" : user.displayName());
        editEmail.setValue(user.email() == null ? "" : user.email());
        editDisplayName.setInvalid(false);
        editEmail.setInvalid(false);
        editor.open();
        editDisplayName.focus();
    }

    /** An empty field removes what was there; a refused field says why beside it and nothing is recorded. */
    private void saveProfile() {
        editDisplayName.setInvalid(false);
        editEmail.setInvalid(false);
        String user = editing;
        try {
            desk.changeProfile(user, editDisplayName.getValue().strip(), editEmail.getValue().strip());
        } catch (InvalidInputException invalid) {
            for (FieldViolation v : invalid.violations()) {
                String message = Refusals.of(this, v);
                switch (v.field()) {
                    case "email" -> { editEmail.setInvalid(true); editEmail.setErrorMessage(message); }
                    default -> { editDisplayName.setInvalid(true); editDisplayName.setErrorMessage(message); }
                }
            }
            return;
        } catch (RuntimeException refused) {
            Notification.show(getTranslation("admin.users.not-possible", refused.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        editor.close();
        Notification.show(getTranslation("admin.users.edit-saved", user));
        reload();
    }

    private void confirmDisable(UserView user) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("disable-confirm");
        confirm.setHeader(getTranslation("admin.users.disable-confirm.header", user.username()));
        confirm.setText(getTranslation("admin.users.disable-confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.users.disable-confirm.cancel"));
        confirm.setConfirmText(getTranslation("admin.users.disable"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> attempt(() -> desk.disable(user.username()),
                getTranslation("admin.users.disabled", user.username())));
        confirm.open();
    }

    /** Erasing cannot be undone: the dialog says what goes and what stays (ADR 0046). */
    private void confirmErase(UserView user) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("erase-confirm");
        confirm.setHeader(getTranslation("admin.users.erase-confirm.header", user.username()));
        confirm.setText(getTranslation("admin.users.erase-confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.users.disable-confirm.cancel"));
        confirm.setConfirmText(getTranslation("admin.users.erase"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> attempt(() -> desk.erase(user.username()),
                getTranslation("admin.users.erased", user.username())));
        confirm.open();
    }

    /** A refusal (e.g. locking oneself out) is told, not thrown: the list stays as it is. */
    private void attempt(Runnable change, String done) {
        try {
            change.run();
            Notification.show(done);
        } catch (RuntimeException refused) {
            Notification.show(getTranslation("admin.users.not-possible", refused.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        reload();
    }

    private void reload() {
        all = desk.all();
        filter();
    }

    /** By user name, display name or e-mail: any part, whatever its case. */
    private void filter() {
        String wanted = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        users.setItems(all.stream().filter(u -> wanted.isEmpty() || Arrays.asList(u.username(), u.displayName(),
                u.email()).stream().anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(wanted))).toList());
    }
}
