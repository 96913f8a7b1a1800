package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.aura.app.IntegrationTest;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.ui.admin.AdminUsersView;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A user's display name and e-mail edited in the administration's users screen (issue 18), browserless against
 * the running application: saved through the account's command, shown in the list, refused inline.
 */
class UserProfileEditIT extends IntegrationTest {
    static final int DISPLAY_NAME = 1;
    static final int EMAIL = 2;
    static final int ACTIONS = 5;

    @Autowired
    ApplicationContext spring;

    SecuredBrowserlessApplicationContext<?> vaadin;

    @BeforeEach
    void startVaadin() {
        vaadin = SpringBrowserlessApplicationContext.createSecured(spring, "io.aura.ui");
    }

    @AfterEach
    void stopVaadin() {
        vaadin.close();
    }

    BrowserlessUIContext admin() {
        return vaadin.newUser("admin", "ADMIN").newWindow();
    }

    @SuppressWarnings("unchecked")
    static Grid<UserView> users(BrowserlessUIContext ui) {
        return ui.find(Grid.class).withId("users").single();
    }

    static int rowOf(Grid<UserView> users, String username) {
        List<UserView> rows = users.getListDataView().getItems().toList();
        return IntStream.range(0, rows.size()).filter(i -> rows.get(i).username().equals(username)).findFirst()
                .orElseThrow();
    }

    /** Clicks the user's Edit and answers the form it opens. */
    static void edit(BrowserlessUIContext ui, String username) {
        Grid<UserView> users = users(ui);
        var actions = ui.test(users).getCellComponent(rowOf(users, username), ACTIONS);
        ui.test(ui.find(Button.class, actions).withClassName("edit").single()).click();
        assertThat(ui.find(Dialog.class).withId("profile-editor").single().isOpened()).isTrue();
    }

    static TextField displayName(BrowserlessUIContext ui) {
        return ui.find(TextField.class).withId("profile-display-name").single();
    }

    static EmailField email(BrowserlessUIContext ui) {
        return ui.find(EmailField.class).withId("profile-email").single();
    }

    private long profileChanges(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND "
                + "payloadType LIKE '%UserProfileChanged'", Long.class, username);
    }

    @Test
    void an_administrator_edits_a_users_display_name_and_the_list_shows_it() {
        String name = unique("mira");
        userWithEmail(name, name + "@example.org", "REQUESTER");
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminUsersView.class);

        edit(ui, name);
        assertThat(displayName(ui).getValue()).isEmpty();
        assertThat(email(ui).getValue()).isEqualTo(name + "@example.org");
        assertThat(ui.find(Dialog.class).withId("profile-editor").single().getHeaderTitle()).isEqualTo("Edit " + name);
        assertThat(displayName(ui).getLabel()).isEqualTo("Display name");
        ui.test(displayName(ui)).setValue("Mira Lobe");
        ui.test(ui.find(Button.class).withId("profile-save").single()).click();

        assertThat(ui.test(ui.find(Notification.class).last()).getText())
                .isEqualTo("Saved the display name and e-mail of " + name + ".");
        assertThat(ui.find(Dialog.class).withId("profile-editor").all()).isEmpty(); // closed
        Grid<UserView> users = users(ui);
        assertThat(ui.test(users).getCellText(rowOf(users, name), DISPLAY_NAME)).isEqualTo("Mira Lobe");
        assertThat(ui.test(users).getCellText(rowOf(users, name), EMAIL)).isEqualTo(name + "@example.org");
        assertThat(profileChanges(name)).isEqualTo(1);
    }

    @Test
    void a_bad_e_mail_is_shown_beside_its_field_and_nothing_is_recorded() {
        String name = unique("nils");
        userWithEmail(name, name + "@example.org", "REQUESTER");
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminUsersView.class);

        edit(ui, name);
        ui.test(displayName(ui)).setValue("Nils");
        ui.test(email(ui)).setValue("nils at example.org");
        ui.test(ui.find(Button.class).withId("profile-save").single()).click();

        assertThat(email(ui).isInvalid()).isTrue();
        assertThat(email(ui).getErrorMessage()).isNotBlank();
        assertThat(displayName(ui).isInvalid()).isFalse();
        assertThat(ui.find(Dialog.class).withId("profile-editor").single().isOpened()).isTrue();
        assertThat(profileChanges(name)).isZero();
        Grid<UserView> users = users(ui);
        assertThat(ui.test(users).getCellText(rowOf(users, name), DISPLAY_NAME)).isEmpty();

        // corrected, it is saved and the error goes
        EmailField mail = email(ui);
        ui.test(mail).setValue("nils@example.org");
        ui.test(ui.find(Button.class).withId("profile-save").single()).click();
        assertThat(mail.isInvalid()).isFalse();
        assertThat(profileChanges(name)).isEqualTo(1);
    }

    @Test
    void editing_one_user_then_another_shows_the_second_ones_values_not_what_was_typed_for_the_first() {
        String first = unique("olaf");
        userWithEmail(first, first + "@example.org", "REQUESTER");
        String second = unique("petra");
        userWithRoles(second, "APPROVER");
        assertThat(http.put("/api/users/" + second, adminToken, java.util.Map.of("displayName", "Petra",
                "email", "petra@example.org")).status()).isEqualTo(200);
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminUsersView.class);

        edit(ui, first);
        ui.test(displayName(ui)).setValue("typed for olaf");
        ui.test(email(ui)).setValue("not an address");
        ui.test(ui.find(Button.class).withId("profile-save").single()).click();
        assertThat(email(ui).isInvalid()).isTrue();
        ui.test(ui.find(Button.class).withId("profile-cancel").single()).click();

        edit(ui, second);
        assertThat(displayName(ui).getValue()).isEqualTo("Petra");
        assertThat(email(ui).getValue()).isEqualTo("petra@example.org");
        assertThat(email(ui).isInvalid()).isFalse();
        assertThat(ui.find(Dialog.class).withId("profile-editor").single().getHeaderTitle())
                .isEqualTo("Edit " + second);
        assertThat(profileChanges(first)).isZero();
    }

    @Test
    void in_german_the_form_speaks_german() {
        String name = unique("rosa");
        userWithRoles(name, "REQUESTER");
        BrowserlessUIContext ui = admin();
        ui.getUI().setLocale(Locale.GERMAN);
        ui.navigate(AdminUsersView.class);

        edit(ui, name);

        Dialog editor = ui.find(Dialog.class).withId("profile-editor").single();
        assertThat(editor.getHeaderTitle()).isEqualTo(name + " bearbeiten");
        assertThat(displayName(ui).getLabel()).isEqualTo("Anzeigename");
        assertThat(email(ui).getLabel()).isEqualTo("E-Mail (für Benachrichtigungen)");
        assertThat(ui.find(Button.class).withId("profile-save").single().getText()).isEqualTo("Speichern");
        assertThat(ui.find(Button.class).withId("profile-cancel").single().getText()).isEqualTo("Abbrechen");
        ui.test(email(ui)).setValue("rosa at example.org");
        ui.test(ui.find(Button.class).withId("profile-save").single()).click();
        assertThat(email(ui).getErrorMessage()).as("the kernel's rule in German, not the API's English")
                .isEqualTo("Keine E-Mail-Adresse.");

        ui.test(email(ui)).setValue("");
        ui.test(displayName(ui)).setValue("Rosa");
        ui.test(ui.find(Button.class).withId("profile-save").single()).click();
        assertThat(ui.test(ui.find(Notification.class).last()).getText())
                .isEqualTo("Anzeigename und E-Mail von " + name + " gespeichert.");
    }
}
