package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.aura.app.IntegrationTest;
import io.aura.kernel.report.TimesheetGrouping;
import io.aura.kernel.report.TimesheetRow;
import io.aura.ui.report.TimesheetsView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The timesheets screen without a browser: a person's own weeks, per person or per resource; everyone's for an admin. */
class TimesheetsViewIT extends IntegrationTest {
    @Autowired
    ApplicationContext spring;

    SecuredBrowserlessApplicationContext<?> vaadin;
    String room;
    String roomId;
    String alice;
    String bob;

    @BeforeEach
    void twoPeopleBookedARoom() {
        vaadin = SpringBrowserlessApplicationContext.createSecured(spring, "io.aura.ui");
        room = unique("Timesheet room");
        roomId = http.post("/api/resources", adminToken, Map.of("name", room, "capacity", 4, "timeZone", "UTC"))
                .body().get("id").asString();
        alice = unique("tsa");
        String aliceToken = userWithRoles(alice, "REQUESTER");
        bob = unique("tsb");
        String bobToken = userWithRoles(bob, "REQUESTER");
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        book(aliceToken, tomorrow, 90);
        book(aliceToken, tomorrow.plus(2, ChronoUnit.HOURS), 30);
        book(bobToken, tomorrow.plus(4, ChronoUnit.HOURS), 60);
    }

    void book(String token, Instant start, int minutes) {
        assertThat(http.post("/events/create", token, Map.of("title", "Work", "resourceId", roomId, "start",
                start.toString(), "end", start.plus(minutes, ChronoUnit.MINUTES).toString())).status()).isEqualTo(201);
    }

    @AfterEach
    void stopVaadin() {
        vaadin.close();
    }

    @SuppressWarnings("unchecked")
    static List<TimesheetRow> rows(BrowserlessUIContext ui) {
        Grid<TimesheetRow> grid = ui.find(Grid.class).withId("timesheet").single();
        return grid.getListDataView().getItems().toList();
    }

    @Test
    void a_person_sees_their_own_hours_and_the_total_and_can_see_them_per_resource() {
        BrowserlessUIContext ui = vaadin.newUser(alice, new String[] {"REQUESTER"}).newWindow();
        ui.navigate(TimesheetsView.class);

        assertThat(rows(ui)).extracting(TimesheetRow::key).containsOnly(alice);
        assertThat(rows(ui).stream().mapToLong(TimesheetRow::minutes).sum()).isEqualTo(120);
        assertThat(ui.find(Span.class).withId("timesheet-total").single().getText())
                .isEqualTo("In all: 2 bookings, 2:00 hours, 0:00 checked in");

        @SuppressWarnings("unchecked")
        Select<TimesheetGrouping> groupBy = ui.find(Select.class).withId("timesheet-group-by").single();
        ui.test(groupBy).selectItem("Resource");
        assertThat(rows(ui)).extracting(TimesheetRow::key).containsOnly(roomId);
    }

    @Test
    void an_administrator_sees_everyones_rows() {
        BrowserlessUIContext ui = vaadin.newUser(unique("tsadmin"), new String[] {"ADMIN"}).newWindow();
        ui.navigate(TimesheetsView.class);

        assertThat(rows(ui)).extracting(TimesheetRow::key).contains(alice, bob);
    }
}
