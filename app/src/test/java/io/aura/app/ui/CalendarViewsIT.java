package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.aura.app.IntegrationTest;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.ui.approval.ApprovalsView;
import io.aura.ui.approval.NotificationsView;
import io.aura.ui.booking.CalendarDesk;
import io.aura.ui.booking.CalendarView;
import io.aura.ui.booking.HeatmapView;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The calendar, heatmap, approvals inbox and notifications driven on the server (browserless, against
 * the running application): whose bookings are the viewer's, what notifications say, and the views in
 * German.
 */
class CalendarViewsIT extends IntegrationTest {
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

    BrowserlessUIContext signedIn(String user, String... roles) {
        return vaadin.newUser(user, roles).newWindow();
    }

    String room(String name, Object... more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "capacity", 6, "timeZone",
                "Europe/Berlin"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        var created = http.post("/api/resources", adminToken, body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    String book(String token, String resourceId, Instant start, String title) {
        var created = http.post("/events/create", token, Map.of("title", title, "resourceId", resourceId, "start",
                start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("bookingId").asString();
    }

    @Test
    void the_calendar_knows_which_bookings_are_the_viewers_and_tells_nobody_whose_the_others_are() {
        String me = unique("cvm");
        String token = userWithRoles(me, "REQUESTER");
        String neighbour = userWithRoles(unique("cvn"), "REQUESTER");
        String room = room(unique("Nook"));
        Instant nine = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(3, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        String mine = book(token, room, nine, "Mine");
        String theirs = book(neighbour, room, nine.plus(2, ChronoUnit.HOURS), "Theirs");

        BrowserlessUIContext ui = signedIn(me, "REQUESTER");
        ui.navigate(CalendarView.class);
        List<CalendarDesk.Seen> seen = spring.getBean(CalendarDesk.class).calendarSeen(nine.minus(1, ChronoUnit.DAYS),
                nine.plus(1, ChronoUnit.DAYS), room);

        assertThat(seen).filteredOn(s -> s.entry().bookingId().equals(mine)).singleElement()
                .satisfies(s -> assertThat(s.mine()).isTrue());
        assertThat(seen).filteredOn(s -> s.entry().bookingId().equals(theirs)).singleElement()
                .satisfies(s -> assertThat(s.mine()).isFalse());
        // the legend says what the colours mean
        assertThat(ui.find(Div.class).withId("calendar-legend").single().getElement().getTextRecursively())
                .contains("Yours", "Someone else's", "Waiting for approval", "Closed or busy in Outlook");
    }

    @Test
    void a_rooms_column_shades_the_hours_its_opening_hours_close_it_as_the_schedule_refuses_them() {
        String room = room(unique("Mornings only"), "openingHours", java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(d -> Map.of("dayOfWeek", d, "from", "08:00", "to", "12:00")).toList());
        java.time.ZonedDateTime day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(3)
                .atStartOfDay(java.time.ZoneId.of("Europe/Berlin"));
        signedIn(unique("cvo"), "REQUESTER");

        var shaded = spring.getBean(CalendarDesk.class).shadedTimes(day.toInstant(), day.plusDays(1).toInstant(), room);

        assertThat(shaded).filteredOn(c -> c.source() == io.aura.kernel.schedule.Conflict.Source.OPENING_HOURS)
                .extracting(c -> c.start() + "/" + c.end())
                .containsExactly(day.toInstant() + "/" + day.withHour(8).toInstant(),
                        day.withHour(12).toInstant() + "/" + day.plusDays(1).toInstant());
        // the same afternoon hour the calendar shades, the schedule refuses as OPENING_HOURS
        var refused = http.post("/events/create", userWithRoles(unique("cvp"), "REQUESTER"), Map.of("title", "Late",
                "resourceId", room, "start", day.withHour(13).toInstant().toString(),
                "end", day.withHour(14).toInstant().toString()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("conflicts").get(0).get("source").asString()).isEqualTo("OPENING_HOURS");
    }

    @Test
    void rooms_side_by_side_share_one_toolbar_and_one_room_needs_none() {
        String first = unique("Left");
        String second = unique("Right");
        room(first);
        room(second);
        BrowserlessUIContext ui = signedIn(unique("cvs"), "REQUESTER");
        ui.navigate(CalendarView.class);
        // (the query finds only what is visible)
        assertThat(ui.find(HorizontalLayout.class).withId("calendar-toolbar").all())
                .as("one calendar has its own navigation").isEmpty();

        @SuppressWarnings("unchecked")
        var chosen = (com.vaadin.flow.component.combobox.MultiSelectComboBox<io.aura.kernel.resource.ResourceQueries.ResourceView>)
                ui.find(com.vaadin.flow.component.combobox.MultiSelectComboBox.class).withId("calendar-resources").single();
        chosen.select(chosen.getListDataView().getItems().filter(r -> r.spec().name().equals(first)
                || r.spec().name().equals(second)).toList());

        HorizontalLayout toolbar = ui.find(HorizontalLayout.class).withId("calendar-toolbar").single();
        assertThat(ui.find(Button.class, toolbar).all()).extracting(Button::getId)
                .extracting(java.util.Optional::orElseThrow)
                .containsExactly("calendar-prev", "calendar-next", "calendar-today");
        assertThat(ui.find(io.aura.ui.booking.AuraCalendar.class).all()).hasSize(2);
    }

    @Test
    void an_approver_reads_which_booking_is_asked_for_by_title_room_and_time_in_english_and_in_german() {
        String approver = unique("cva");
        userWithRoles(approver, "APPROVER");
        String token = userWithRoles(unique("cvr"), "REQUESTER");
        String roomName = unique("Atrium");
        String room = room(roomName, "approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of(approver))));
        String bookingId = book(token, room, Instant.now().truncatedTo(ChronoUnit.HOURS).plus(30, ChronoUnit.HOURS),
                "Offsite planning");

        BrowserlessUIContext ui = signedIn(approver, "APPROVER");
        NotificationView request = Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(5))
                .until(() -> shown(ui).stream().filter(n -> bookingId.equals(n.bookingId())
                        && n.type().equals("APPROVAL_REQUEST")).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        // stored (and mailed) in English, naming the booking as people know it
        assertThat(request.message()).contains("“Offsite planning” in " + roomName).doesNotContain(bookingId);

        ui.getUI().setLocale(Locale.GERMAN);
        ui.navigate(CalendarView.class); // a view made anew, in German
        ui.navigate(NotificationsView.class);
        @SuppressWarnings("unchecked")
        Grid<NotificationView> grid = ui.find(Grid.class).withId("notifications").single();
        int row = grid.getListDataView().getItems().toList().indexOf(request);
        assertThat(ui.test(grid).getCellText(row, 1)).isEqualTo("Genehmigungsanfrage");
        assertThat(ui.test(grid).getCellText(row, 2)).startsWith("Bitte genehmigen oder ablehnen: „Offsite planning“ in "
                + roomName).doesNotContain("Please");
        assertThat(ui.find(H2.class).single().getText()).isEqualTo("Benachrichtigungen");

        // the inbox in German too: the request's facts and its decision
        ui.navigate(ApprovalsView.class);
        @SuppressWarnings("unchecked")
        Grid<ApprovalView> inbox = ui.find(Grid.class).withId("approvals").single();
        int approvalRow = ViewsWithoutBrowserIT.rowOf(inbox, bookingId);
        var cell = ui.test(inbox).getCellComponent(approvalRow, 0);
        assertThat(cell.getElement().getTextRecursively()).contains("Offsite planning · " + roomName, "Angefragt von",
                "Entscheiden bis");
        assertThat(ui.find(Button.class, cell).withClassName("reject").single().getText()).isEqualTo("Ablehnen");
    }

    @Test
    void the_heatmap_speaks_german_and_names_its_days_so() {
        BrowserlessUIContext ui = signedIn(unique("cvh"), "REQUESTER");
        ui.getUI().setLocale(Locale.GERMAN);
        ui.navigate(HeatmapView.class);
        assertThat(ui.find(H2.class).single().getText()).isEqualTo("Auslastung");
        String cells = ui.find(Div.class).withId("heatmap").single().getElement().getTextRecursively();
        assertThat(cells).contains("Mo.", "Di.").doesNotContain("Mon", "Tue");
    }

    static List<NotificationView> shown(BrowserlessUIContext ui) {
        ui.navigate(NotificationsView.class);
        @SuppressWarnings("unchecked")
        Grid<NotificationView> grid = ui.find(Grid.class).withId("notifications").single();
        return grid.getListDataView().getItems().toList();
    }
}
