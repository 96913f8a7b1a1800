package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.aura.app.IntegrationTest;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.ui.ResourceDirectory;
import io.aura.ui.admin.AdminBlackoutsView;
import io.aura.ui.admin.AdminOutlookView;
import io.aura.ui.admin.AdminResourcesView;
import io.aura.ui.admin.AdminUsersView;
import io.aura.ui.admin.AdminWebhooksView;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The administration screens as an administrator uses them (issue 18), browserless against the running
 * application: resources listed, searched, edited, retired and registered; users searched and their roles
 * granted; every text from the admin bundle, in English and in German.
 */
class AdministrationIT extends IntegrationTest {
    static final int ACTIONS = 5;

    @Autowired
    ApplicationContext spring;
    @Autowired
    ResourceDirectory directory;

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

    String resource(String name, Object... more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "capacity", 10, "timeZone",
                "Europe/Berlin"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        var created = http.post("/api/resources", adminToken, body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    JsonNode resourceRead(String id) {
        return http.get("/api/resources/" + id, adminToken).body();
    }

    @SuppressWarnings("unchecked")
    static Grid<ResourceView> resourceGrid(BrowserlessUIContext ui) {
        return ui.find(Grid.class).withId("admin-resources").single();
    }

    /** Searches the list for {@code name}: it is the only row left. */
    static Component actionsOf(BrowserlessUIContext ui, String name) {
        ui.test(ui.find(TextField.class).withId("resource-search").single()).setValue(name);
        Grid<ResourceView> grid = resourceGrid(ui);
        assertThat(grid.getListDataView().getItems().map(r -> r.spec().name()).toList()).containsExactly(name);
        return ui.test(grid).getCellComponent(0, ACTIONS);
    }

    static <T extends Component> T field(BrowserlessUIContext ui, Class<T> type, String id) {
        return ui.find(type).withId(id).single();
    }

    @Test
    void the_list_is_searched_by_name_whatever_its_case() {
        String tag = unique("Srch");
        resource(tag + " Alpha");
        resource(tag + " Beta");
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminResourcesView.class);

        ui.test(field(ui, TextField.class, "resource-search")).setValue(" " + tag.toLowerCase() + " be");

        assertThat(resourceGrid(ui).getListDataView().getItems().map(r -> r.spec().name()).toList())
                .containsExactly(tag + " Beta");
    }

    @Test
    void edit_loads_the_resource_saving_sends_the_edit_and_the_form_starts_again() {
        String name = unique("Workshop");
        String id = resource(name, "capacity", 14, "timeZone", "America/Chicago", "bufferMinutes", 10,
                "approvalDeadline", "PT90M", "approvalLevels", List.of(Map.of("name", "facilities", "approverRole",
                        "ADMIN")));
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminResourcesView.class);

        ui.test(ui.find(Button.class, actionsOf(ui, name)).withClassName("edit").single()).click();

        TextField nameField = field(ui, TextField.class, "admin-name");
        IntegerField capacity = field(ui, IntegerField.class, "admin-capacity");
        @SuppressWarnings("unchecked")
        ComboBox<String> zone = field(ui, ComboBox.class, "admin-zone");
        assertThat(nameField.getValue()).isEqualTo(name);
        assertThat(capacity.getValue()).isEqualTo(14);
        assertThat(zone.getValue()).isEqualTo("America/Chicago");
        assertThat(field(ui, IntegerField.class, "admin-buffer").getValue()).isEqualTo(10);
        assertThat(field(ui, IntegerField.class, "admin-deadline").getValue()).isEqualTo(2);
        assertThat(field(ui, Grid.class, "admin-levels").getListDataView().getItems().count()).isEqualTo(1);
        assertThat(field(ui, H2.class, "admin-form-title").getText()).isEqualTo("Edit " + name);

        ui.test(capacity).setValue(30);
        ui.test(field(ui, Button.class, "admin-save")).click();

        assertThat(ui.test(ui.find(Notification.class).last()).getText()).isEqualTo("Saved " + name + ".");
        JsonNode read = resourceRead(id);
        assertThat(read.get("capacity").asInt()).isEqualTo(30);
        assertThat(read.get("timeZone").asString()).isEqualTo("America/Chicago");
        assertThat(read.get("approvalDeadline").asString()).isEqualTo("PT90M"); // left alone: kept exactly
        assertThat(read.get("approvalLevels").get(0).get("name").asString()).isEqualTo("facilities");
        assertThat(http.get("/api/audit?aggregateId=" + id, adminToken).raw().body()).contains("ResourceChanged");
        // the form is a new resource's again, not the one just saved
        assertThat(field(ui, H2.class, "admin-form-title").getText()).isEqualTo("New resource");
        assertThat(nameField.getValue()).isEmpty();
        assertThat(capacity.getValue()).isEqualTo(8);
        assertThat(field(ui, Grid.class, "admin-levels").getListDataView().getItems().count()).isZero();
        assertThat(ui.test(resourceGrid(ui)).getCellText(0, 1)).isEqualTo("30");
    }

    @Test
    void after_registering_the_form_resets_instead_of_keeping_the_last_resources_values() {
        String approver = unique("frmapp");
        userWithRoles(approver, "APPROVER");
        String name = unique("Kiln room");
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminResourcesView.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> zone = field(ui, ComboBox.class, "admin-zone");
        String ownZone = zone.getValue();

        ui.test(field(ui, TextField.class, "admin-name")).setValue(name);
        ui.test(field(ui, IntegerField.class, "admin-capacity")).setValue(20);
        ui.test(zone).selectItem("Asia/Tokyo");
        ui.test(field(ui, IntegerField.class, "admin-buffer")).setValue(15);
        ui.test(field(ui, Checkbox.class, "admin-approval")).click();
        ui.test(field(ui, TextField.class, "admin-approvers")).setValue(approver);
        ui.test(field(ui, Button.class, "admin-save")).click();

        assertThat(ui.test(ui.find(Notification.class).last()).getText()).isEqualTo("Registered " + name + ".");
        ResourceView registered = directory.all().stream().filter(r -> r.spec().name().equals(name)).findFirst()
                .orElseThrow();
        assertThat(registered.spec().timeZone()).isEqualTo("Asia/Tokyo");
        assertThat(registered.spec().approvers()).containsExactly(approver);
        assertThat(field(ui, TextField.class, "admin-name").getValue()).isEmpty();
        assertThat(field(ui, IntegerField.class, "admin-capacity").getValue()).isEqualTo(8);
        assertThat(zone.getValue()).isEqualTo(ownZone);
        assertThat(field(ui, IntegerField.class, "admin-buffer").getValue()).isZero();
        assertThat(field(ui, Checkbox.class, "admin-approval").getValue()).isFalse();
        assertThat(field(ui, TextField.class, "admin-approvers").getValue()).isEmpty();
        assertThat(resourceGrid(ui).getListDataView().getItems().map(r -> r.spec().name())).contains(name);
    }

    @Test
    void time_zones_come_from_a_sorted_searchable_list_starting_at_the_administrators_own() {
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminResourcesView.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> zone = field(ui, ComboBox.class, "admin-zone");

        List<String> zones = zone.getListDataView().getItems().toList();
        assertThat(zones).contains("Europe/Berlin", "America/Chicago", "UTC").isSorted();
        // with no browser to ask, the administrator's zone is the server's
        assertThat(zone.getValue()).isEqualTo(zones.contains(ZoneId.systemDefault().getId())
                ? ZoneId.systemDefault().getId() : "UTC");
        assertThat(ui.test(zone).getSuggestions()).contains("Europe/Berlin");
    }

    @Test
    void a_name_another_resource_has_marks_the_name_field_and_records_nothing() {
        String name = unique("Atrium");
        resource(name);
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminResourcesView.class);
        long before = storedEvents();

        ui.test(field(ui, TextField.class, "admin-name")).setValue("  " + name.toUpperCase() + " ");
        ui.test(field(ui, Button.class, "admin-save")).click();

        TextField nameField = field(ui, TextField.class, "admin-name");
        assertThat(nameField.isInvalid()).isTrue();
        assertThat(nameField.getErrorMessage()).isEqualTo("Another resource has this name.");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void approvers_without_needs_approval_mark_the_approvers_field_and_record_nothing() {
        String approver = unique("frmapq");
        userWithRoles(approver, "APPROVER");
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminResourcesView.class);
        long before = storedEvents();

        ui.test(field(ui, TextField.class, "admin-name")).setValue(unique("Foyer"));
        ui.test(field(ui, TextField.class, "admin-approvers")).setValue(approver);
        ui.test(field(ui, Button.class, "admin-save")).click();

        TextField approvers = field(ui, TextField.class, "admin-approvers");
        assertThat(approvers.isInvalid()).isTrue();
        assertThat(approvers.getErrorMessage()).contains("Needs approval");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void retiring_asks_first_then_hides_the_resource_from_booking_and_marks_it_retired() {
        String name = unique("Annex");
        String id = resource(name);
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminResourcesView.class);

        ui.test(ui.find(Button.class, actionsOf(ui, name)).withClassName("retire").single()).click();
        ui.test(ui.find(ConfirmDialog.class).withId("retire-confirm").last()).cancel();
        assertThat(directory.all()).extracting(ResourceView::id).contains(id);

        ui.test(ui.find(Button.class, actionsOf(ui, name)).withClassName("retire").single()).click();
        ui.test(ui.find(ConfirmDialog.class).withId("retire-confirm").last()).confirm();

        assertThat(ui.test(ui.find(Notification.class).last()).getText()).startsWith(name + " is retired");
        assertThat(directory.all()).extracting(ResourceView::id).doesNotContain(id);
        assertThat(resourceGrid(ui).getListDataView().getItems()).isEmpty();
        ui.test(field(ui, Checkbox.class, "resource-show-retired")).click();
        assertThat(ui.test(resourceGrid(ui)).getCellText(0, 4)).isEqualTo("retired");
        String requester = userWithRoles(unique("retbk"), "REQUESTER");
        var at = java.time.Instant.now().plus(1, java.time.temporal.ChronoUnit.DAYS)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        var refused = http.post("/events/create", requester, Map.of("title", "Too late", "resourceId", id, "start",
                at.toString(), "end", at.plusSeconds(3600).toString()));
        assertThat(refused.status()).isEqualTo(409);
    }

    @SuppressWarnings("unchecked")
    static Grid<UserView> userGrid(BrowserlessUIContext ui) {
        return ui.find(Grid.class).withId("users").single();
    }

    static int rowOf(Grid<UserView> users, String username) {
        List<UserView> rows = users.getListDataView().getItems().toList();
        return IntStream.range(0, rows.size()).filter(i -> rows.get(i).username().equals(username)).findFirst()
                .orElseThrow();
    }

    @Test
    void users_are_searched_by_name_display_name_or_email_and_a_role_is_granted() {
        String tag = unique("usr");
        String byName = tag + "-ann";
        userWithRoles(byName, "REQUESTER");
        String byMail = unique("bob");
        userWithEmail(byMail, tag + "@example.org", "REQUESTER");
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminUsersView.class);
        Grid<UserView> users = userGrid(ui);

        ui.test(field(ui, TextField.class, "user-search")).setValue(tag.toUpperCase());
        assertThat(users.getListDataView().getItems().map(UserView::username).toList())
                .containsExactlyInAnyOrder(byName, byMail);

        ui.test(field(ui, TextField.class, "user-search")).setValue(byName);
        var actions = ui.test(users).getCellComponent(rowOf(users, byName), ACTIONS);
        @SuppressWarnings("unchecked")
        Select<Role> grantable = ui.find(Select.class, actions).withClassName("grant-role").single();
        assertThat(grantable.getListDataView().getItems().toList()).doesNotContain(Role.REQUESTER);
        ui.test(grantable).selectItem("AUDITOR");
        ui.test(ui.find(Button.class, actions).withClassName("grant").single()).click();

        assertThat(ui.test(ui.find(Notification.class).last()).getText()).isEqualTo("Granted AUDITOR to " + byName + ".");
        assertThat(ui.test(users).getCellText(rowOf(users, byName), 3)).isEqualTo("REQUESTER, AUDITOR");
        assertThat(http.get("/api/audit?aggregateId=" + byName, adminToken).raw().body()).contains("RolesGranted");
        String token = http.token(byName, byName + "-password-1");
        assertThat(http.get("/api/users/me", token).body().get("roles").toString()).contains("AUDITOR");
    }

    @Test
    void a_user_created_in_the_form_is_listed_and_the_form_starts_again() {
        String name = unique("newbie");
        BrowserlessUIContext ui = admin();
        ui.navigate(AdminUsersView.class);

        ui.test(field(ui, TextField.class, "user-name")).setValue(name);
        ui.test(ui.find(com.vaadin.flow.component.textfield.PasswordField.class).withId("user-password").single())
                .setValue(name + "-password-1");
        ui.test(field(ui, TextField.class, "user-display-name")).setValue("New Bie");
        ui.test(field(ui, Button.class, "user-create")).click();

        assertThat(ui.test(ui.find(Notification.class).last()).getText()).isEqualTo("Created " + name + ".");
        Grid<UserView> users = userGrid(ui);
        assertThat(ui.test(users).getCellText(rowOf(users, name), 1)).isEqualTo("New Bie");
        assertThat(field(ui, TextField.class, "user-name").getValue()).isEmpty();
        assertThat(field(ui, TextField.class, "user-display-name").getValue()).isEmpty();
    }

    @Test
    void in_german_every_administration_screen_speaks_german_and_shows_no_bundle_key() {
        List<Class<? extends Component>> views = List.of(AdminResourcesView.class, AdminUsersView.class,
                AdminBlackoutsView.class, AdminWebhooksView.class, AdminOutlookView.class);
        for (Class<? extends Component> view : views) {
            BrowserlessUIContext ui = admin();
            ui.getUI().setLocale(Locale.GERMAN);
            Component shown = ui.navigate(view);
            List<String> texts = new java.util.ArrayList<>(List.of(shown.getElement().getTextRecursively()));
            ui.find(Component.class, shown).all().forEach(c -> {
                if (c instanceof HasLabel labelled && labelled.getLabel() != null) {
                    texts.add(labelled.getLabel());
                }
            });
            assertThat(texts).as(view.getSimpleName()).noneMatch(t -> t.contains("!{"));
            assertThat(String.join(" ", texts)).as(view.getSimpleName())
                    .doesNotContain("Resource", "Remove", "Search", "Register", "Users", "Close the");
        }
        BrowserlessUIContext ui = admin();
        ui.getUI().setLocale(Locale.GERMAN);
        ui.navigate(AdminResourcesView.class);
        assertThat(field(ui, TextField.class, "admin-name").getLabel()).isEqualTo("Name");
        assertThat(field(ui, Button.class, "admin-save").getText()).isEqualTo("Ressource anlegen");
        assertThat(field(ui, ComboBox.class, "admin-zone").getLabel()).isEqualTo("Zeitzone");
        assertThat(ui.getUI().getInternals().getTitle()).isEqualTo("Ressourcen · Aura Scheduler");
    }
}
