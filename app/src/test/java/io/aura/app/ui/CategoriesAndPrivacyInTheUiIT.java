package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import io.aura.app.IntegrationTest;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.category.CategoryQueries.CategoryView;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.ui.admin.AdminCategoriesView;
import io.aura.ui.booking.BookingDesk;
import io.aura.ui.booking.CalendarDesk;
import io.aura.ui.booking.CalendarView;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Categories and private bookings in the web UI (ADR 0040), driven on the server with Vaadin's browserless
 * testing against the running application: the form's category and private box, the calendar as another
 * requester sees it, and the administrators' category screen.
 */
class CategoriesAndPrivacyInTheUiIT extends IntegrationTest {
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

    @Test
    @SuppressWarnings("unchecked")
    void the_form_ticks_private_as_the_resource_says_books_in_the_chosen_category_and_others_see_it_as_busy() {
        String category = http.post("/api/categories", adminToken, Map.of("name", unique("Coaching"),
                "colour", "#AD1457")).body().get("name").asString();
        String roomName = unique("Coaching room");
        String room = http.post("/api/resources", adminToken, Map.of("name", roomName, "capacity", 4,
                "timeZone", "Europe/Berlin", "privateByDefault", true)).body().get("id").asString();
        String ownerName = unique("uma");
        String owner = userWithRoles(ownerName, "REQUESTER");
        String otherName = unique("vic");
        userWithRoles(otherName, "REQUESTER");

        BrowserlessUIContext ui = vaadin.newUser(ownerName, "REQUESTER").newWindow();
        ui.navigate(CalendarView.class);
        ui.test(ui.find(Button.class).withId("new-booking").single()).click();
        ComboBox<ResourceView> picker = ui.find(ComboBox.class).withId("request-resource").single();
        ui.test(picker).selectItem(ui.test(picker).getSuggestions().stream().filter(s -> s.startsWith(roomName))
                .findFirst().orElseThrow());
        Checkbox privateBox = ui.find(Checkbox.class).withId("request-private").single();
        assertThat(privateBox.getValue()).as("ticked as the resource says").isTrue();
        ComboBox<CategoryView> categories = ui.find(ComboBox.class).withId("request-category").single();
        ui.test(categories).selectItem(category);
        ui.test(ui.find(TextField.class).withId("request-title").single()).setValue("Career coaching");
        LocalDateTime at = LocalDateTime.now().truncatedTo(ChronoUnit.HOURS).plusDays(3).withHour(10);
        ui.find(DateTimePicker.class).withId("request-start").single().setValue(at);
        ui.find(DateTimePicker.class).withId("request-end").single().setValue(at.plusHours(1));
        ui.test(ui.find(Button.class).withId("request-submit").single()).click();

        BookingView mine = spring.getBean(BookingDesk.class).mine().stream()
                .filter(b -> b.resourceId().equals(room)).findFirst().orElseThrow();
        JsonNode status = http.get("/events/status?bookingId=" + mine.bookingId(), owner).body();
        assertThat(status.get("private").asBoolean()).isTrue();
        assertThat(status.get("category").asString()).isEqualTo(category);

        // the calendar as another requester reads it in the web UI: Busy, nobody named; its owner sees the title
        Instant from = mine.start().minus(1, ChronoUnit.HOURS);
        Instant to = mine.end().plus(1, ChronoUnit.HOURS);
        vaadin.newUser(otherName, "REQUESTER").newWindow();
        CalendarEntry seenByOther = spring.getBean(CalendarDesk.class).calendar(from, to, room).getFirst();
        assertThat(seenByOther.title()).isEqualTo("Busy");
        assertThat(seenByOther.requester()).isNull();
        vaadin.newUser(ownerName, "REQUESTER").newWindow();
        assertThat(spring.getBean(CalendarDesk.class).calendar(from, to, room).getFirst().title())
                .isEqualTo("Career coaching");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_administrator_adds_and_removes_a_category_on_its_screen_and_a_bad_colour_is_marked_recording_nothing() {
        String adminName = unique("ada");
        userWithRoles(adminName, "ADMIN");
        BrowserlessUIContext ui = vaadin.newUser(adminName, "ADMIN").newWindow();
        ui.navigate(AdminCategoriesView.class);
        TextField name = ui.find(TextField.class).withId("category-name").single();
        TextField colour = ui.find(TextField.class).withId("category-colour").single();
        String category = unique("Lab work");
        long before = storedEvents();

        ui.test(name).setValue(category);
        ui.test(colour).setValue("teal");
        ui.test(ui.find(Button.class).withId("category-define").single()).click();
        assertThat(colour.isInvalid()).isTrue();
        assertThat(colour.getErrorMessage()).contains("#RRGGBB");
        assertThat(storedEvents()).isEqualTo(before);

        ui.test(colour).setValue("#00796B");
        ui.test(ui.find(Button.class).withId("category-define").single()).click();
        Grid<CategoryView> grid = ui.find(Grid.class).withId("categories").single();
        assertThat(grid.getListDataView().getItems().map(CategoryView::name)).contains(category);
        assertThat(http.get("/api/categories", adminToken).raw().body()).contains(category);
    }
}
