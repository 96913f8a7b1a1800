package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.aura.app.IntegrationTest;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ExternalCalendarLinks;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.webhook.Webhooks;
import io.aura.ui.admin.AdminOutlookView;
import io.aura.ui.admin.AdminResourcesView;
import io.aura.ui.admin.AdminUsersView;
import io.aura.ui.admin.AdminWebhooksView;
import io.aura.ui.approval.ApprovalsView;
import io.aura.ui.audit.AuditView;
import io.aura.ui.booking.CalendarView;
import io.aura.ui.booking.HeatmapView;
import io.aura.ui.booking.MyBookingsView;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Whole views driven on the server with Vaadin's browserless testing, against the running application
 * (same commands, queries and stores; nothing mocked): what a click or a typed value does, field errors
 * that record nothing, and which roles reach which view.
 */
class ViewsWithoutBrowserIT extends IntegrationTest {
    @Autowired
    ApplicationContext spring;
    @Autowired
    CommandGateway commands;

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

    String resource(String name, int capacity, Object... more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "capacity", capacity, "timeZone",
                "Europe/Berlin"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        var created = http.post("/api/resources", adminToken, body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    /** A resource whose bookings wait for one named approver. */
    /** The inbox row of a booking's approval (an admin's inbox holds every test's). */
    static int rowOf(Grid<ApprovalView> inbox, String bookingId) {
        List<ApprovalView> rows = inbox.getListDataView().getItems().toList();
        return java.util.stream.IntStream.range(0, rows.size()).filter(i -> rows.get(i).bookingId().equals(bookingId))
                .findFirst().orElseThrow();
    }

    String approvedBy(String approver, String name, int capacity) {
        return resource(name, capacity, "approvalLevels",
                List.of(Map.of("name", "owner", "approvers", List.of(approver))));
    }

    /** An hour's booking over the API, starting {@code hoursAhead} hours from this hour; its answer. */
    tools.jackson.databind.JsonNode book(String token, String resourceId, int hoursAhead, String title) {
        var at = java.time.Instant.now().truncatedTo(ChronoUnit.HOURS).plus(hoursAhead, ChronoUnit.HOURS);
        var created = http.post("/events/create", token, Map.of("title", title, "resourceId", resourceId, "start",
                at.toString(), "end", at.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(created.status()).isEqualTo(201);
        return created.body();
    }

    @Test
    void the_request_form_filters_resources_by_capacity_shows_field_errors_without_recording_and_books() {
        String requester = unique("blr");
        userWithRoles(requester, "REQUESTER");
        String small = unique("Booth");
        String large = unique("Forum");
        resource(small, 2);
        String largeId = resource(large, 40);
        BrowserlessUIContext ui = signedIn(requester, "REQUESTER");
        ui.navigate(CalendarView.class);
        ui.test(ui.find(Button.class).withId("new-booking").single()).click();

        @SuppressWarnings("unchecked")
        ComboBox<ResourceView> picker = ui.find(ComboBox.class).withId("request-resource").single();
        ui.test(ui.find(IntegerField.class).withId("request-attendees").single()).setValue(12);
        List<String> offered = ui.test(picker).getSuggestions();
        assertThat(offered).anyMatch(s -> s.startsWith(large)).noneMatch(s -> s.startsWith(small));

        // no title: the field says so inline, and nothing is recorded
        ui.test(picker).selectItem(offered.stream().filter(s -> s.startsWith(large)).findFirst().orElseThrow());
        long before = storedEvents();
        ui.test(ui.find(Button.class).withId("request-submit").single()).click();
        TextField title = ui.find(TextField.class).withId("request-title").single();
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isNotBlank();
        assertThat(storedEvents()).isEqualTo(before);

        // an end before the start: the end field is marked
        DateTimePicker start = ui.find(DateTimePicker.class).withId("request-start").single();
        DateTimePicker end = ui.find(DateTimePicker.class).withId("request-end").single();
        LocalDateTime at = LocalDateTime.now().truncatedTo(ChronoUnit.HOURS).plusDays(2).withHour(9);
        ui.test(title).setValue("Planning");
        start.setValue(at);
        end.setValue(at.minusHours(1));
        ui.test(ui.find(Button.class).withId("request-submit").single()).click();
        assertThat(end.isInvalid()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);

        // a title of 300 characters: the kernel's limit holds in the form as in the API, the title is marked
        end.setValue(at.plusHours(1));
        ui.test(title).setValue("x".repeat(300));
        ui.test(ui.find(Button.class).withId("request-submit").single()).click();
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).contains("200");
        assertThat(storedEvents()).isEqualTo(before);
        ui.test(title).setValue("Planning");

        // corrected: booked at once, and the outcome is told
        ui.test(ui.find(Button.class).withId("request-submit").single()).click();
        assertThat(ui.test(ui.find(Notification.class).last()).getText()).isEqualTo("Booked: confirmed.");
        assertThat(storedEvents()).isGreaterThan(before);

        // closed the hour before and the hour after (blackouts): what the form offers avoids them too
        JsonNode booked = http.get("/dashboard/calendar?resourceId=" + largeId + "&from=" + Instant.now() + "&to="
                + Instant.now().plus(5, ChronoUnit.DAYS), adminToken).body().get("events").get(0);
        Instant bookedStart = Instant.parse(booked.get("start").asString());
        for (Instant closedFrom : List.of(bookedStart.minus(1, ChronoUnit.HOURS), bookedStart.plus(1, ChronoUnit.HOURS))) {
            assertThat(http.post("/api/resources/" + largeId + "/blackouts", adminToken, Map.of("start", closedFrom.toString(),
                    "end", closedFrom.plus(1, ChronoUnit.HOURS).toString(), "reason", "closed")).status()).isEqualTo(201);
        }

        // editing the same slot again: the form says it is taken and offers free slots, one click each
        ui.test(ui.find(Button.class).withId("new-booking").single()).click();
        @SuppressWarnings("unchecked")
        ComboBox<ResourceView> again = ui.find(ComboBox.class).withId("request-resource").last();
        ui.test(again).selectItem(ui.test(again).getSuggestions().stream().filter(s -> s.startsWith(large))
                .findFirst().orElseThrow());
        DateTimePicker start2 = ui.find(DateTimePicker.class).withId("request-start").last();
        DateTimePicker end2 = ui.find(DateTimePicker.class).withId("request-end").last();
        start2.setValue(at);
        end2.setValue(at.plusHours(1));
        Div live = ui.find(Div.class).withId("request-live").last();
        assertThat(live.getElement().getTextRecursively()).contains("taken");
        // another time in the same room (the one ranker may put the same time in another room first)
        Button suggestion = ui.find(Button.class, live).withClassName("suggestion").all().stream()
                .filter(b -> b.getText().contains(large)).findFirst().orElseThrow();
        ui.test(suggestion).click();
        assertThat(start2.getValue()).isNotEqualTo(at);
        assertThat(!start2.getValue().isAfter(at.minusHours(2)) || !start2.getValue().isBefore(at.plusHours(2)))
                .as("offered %s: clear of the booking at %s and the closed hours around it", start2.getValue(), at).isTrue();
        assertThat(live.getElement().getTextRecursively()).doesNotContain("taken");

        // the closed hour itself: the form says so while editing (the schedule would refuse it as a blackout)
        start2.setValue(at.plusHours(1));
        end2.setValue(at.plusHours(2));
        // (the blackout's reason is an administrator's note: a requester is told when, not why)
        assertThat(live.getElement().getTextRecursively()).contains("closed").doesNotContain("closed (");
    }

    @Test
    void my_bookings_lists_a_booking_with_its_status_and_cancelling_it_there_cancels_it() {
        String requester = unique("blm");
        String token = userWithRoles(requester, "REQUESTER");
        String room = resource(unique("Nook"), 4);
        String bookingId = book(token, room, 30, "Pairing").get("bookingId").asString();

        BrowserlessUIContext ui = signedIn(requester, "REQUESTER");
        ui.navigate(MyBookingsView.class);
        @SuppressWarnings("unchecked")
        Grid<BookingView> grid = ui.find(Grid.class).withId("upcoming-bookings").single();
        assertThat(ui.test(grid).size()).isEqualTo(1);
        assertThat(ui.test(grid).getCellText(0, 0)).isEqualTo("Pairing");
        assertThat(ui.test(grid).getCellText(0, 4)).isEqualTo("Confirmed");
        assertThat(ui.test(grid).getCellText(0, 5)).isEmpty(); // nothing to explain
        var actions = ui.test(grid).getCellComponent(0, 6);
        ui.test(ui.find(Button.class, actions).withClassName("change").single()).click();
        ui.test(ui.find(Button.class).withId("details-cancel").single()).click();
        // it asks first: keeping it changes nothing
        assertThat(http.get("/events/status?bookingId=" + bookingId, token).body().get("status").asString()).isEqualTo("CONFIRMED");
        ui.test(ui.find(TextField.class).withId("cancel-reason").single()).setValue("pairing moved to Friday");
        ui.test(ui.find(Button.class).withId("cancel-confirm").single()).click();
        assertThat(http.get("/events/status?bookingId=" + bookingId, token).body().get("status").asString()).isEqualTo("CANCELLED");
        // the reason given is what the event store keeps
        assertThat(http.get("/api/audit?aggregateId=" + bookingId, adminToken).raw().body()).contains("pairing moved to Friday");
        assertThat(ui.test(grid).getCellText(0, 4)).isEqualTo("Cancelled");
    }

    /** The titles a list of my bookings shows, top to bottom. */
    static List<String> titles(BrowserlessUIContext ui, Grid<BookingView> grid) {
        return java.util.stream.IntStream.range(0, ui.test(grid).size()).mapToObj(i -> ui.test(grid).getCellText(i, 0))
                .toList();
    }

    @Test
    void my_bookings_shows_what_is_ahead_soonest_first_and_what_is_over_under_past_with_statuses_in_words() {
        String requester = unique("blup");
        String token = userWithRoles(requester, "REQUESTER");
        String room = resource(unique("Den"), 4);
        // booked in neither order: creation order is not the order shown
        book(token, room, 60, "Later");
        book(token, room, 40, "Sooner");
        book(token, room, 80, "Latest");
        // and one that is over: the API refuses a past start before recording it, a command still arrives (as from
        // a script) and the schedule turns it down, so it is listed, refused, an hour ago
        var anHourAgo = new TimeRange(Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS),
                Instant.now().truncatedTo(ChronoUnit.HOURS).minus(30, ChronoUnit.MINUTES));
        String retro = java.util.UUID.randomUUID().toString();
        commands.sendAndWait(new RequestBooking(retro, room, "Retro", anHourAgo, List.of(anHourAgo), null,
                ConflictPolicy.ALL_OR_NOTHING, 1, List.of(), "", requester));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> http.get(
                "/events/status?bookingId=" + retro, token).body().get("status").asString().equals("REJECTED"));

        BrowserlessUIContext ui = signedIn(requester, "REQUESTER");
        ui.navigate(MyBookingsView.class);
        @SuppressWarnings("unchecked")
        Grid<BookingView> upcoming = ui.find(Grid.class).withId("upcoming-bookings").single();
        @SuppressWarnings("unchecked")
        Grid<BookingView> past = ui.find(Grid.class).withId("past-bookings").single();
        assertThat(titles(ui, upcoming)).containsExactly("Sooner", "Later", "Latest");
        assertThat(ui.test(upcoming).getCellText(0, 4)).isEqualTo("Confirmed");
        assertThat(ui.test(upcoming).getCellComponent(0, 4).getElement().getAttribute("theme"))
                .isEqualTo("badge success");
        assertThat(titles(ui, past)).containsExactly("Retro");
        assertThat(ui.test(past).getCellText(0, 4)).isEqualTo("Not booked");
        assertThat(shown(ui, Div.class, "upcoming-empty")).isFalse();
        assertThat(shown(ui, Div.class, "past-empty")).isFalse();
    }

    @Test
    void my_bookings_of_someone_who_has_none_says_so_and_leads_to_the_calendar() {
        BrowserlessUIContext ui = signedIn(unique("blnone"), "REQUESTER");
        ui.navigate(MyBookingsView.class);
        Div noneAhead = ui.find(Div.class).withId("upcoming-empty").single();
        assertThat(noneAhead.isVisible()).isTrue();
        assertThat(noneAhead.getElement().getTextRecursively()).isEqualTo("No upcoming bookings. Book a room");
        assertThat(ui.find(com.vaadin.flow.router.RouterLink.class, noneAhead).single().getHref())
                .isEqualTo(com.vaadin.flow.router.RouteConfiguration.forSessionScope().getUrl(CalendarView.class));
        Div nonePast = ui.find(Div.class).withId("past-empty").single();
        assertThat(nonePast.isVisible()).isTrue();
        assertThat(nonePast.getElement().getTextRecursively()).isEqualTo("Nothing yet.");
        assertThat(shown(ui, Grid.class, "upcoming-bookings")).isFalse();
        assertThat(shown(ui, Grid.class, "past-bookings")).isFalse();
    }

    @Test
    void my_bookings_shows_my_calendar_feed_address_which_opens_without_a_token_until_i_replace_it() {
        String name = unique("blfeed");
        userWithRoles(name, "REQUESTER"); // a feed opens only while its owner's account exists and is enabled
        BrowserlessUIContext ui = signedIn(name, "REQUESTER");
        ui.navigate(MyBookingsView.class);

        ui.test(ui.find(Button.class).withId("subscribe-calendar").single()).click();
        String first = ui.find(TextField.class).withId("feed-url").single().getValue();
        ui.test(ui.find(Button.class).withId("feed-rotate").single()).click();
        String second = ui.find(TextField.class).withId("feed-url").single().getValue();

        assertThat(first).startsWith("http://aura.test/ical/").endsWith(".ics");
        assertThat(second).isNotEqualTo(first);
        assertThat(http.get(java.net.URI.create(first).getPath(), null).status()).isEqualTo(404);
        assertThat(http.get(java.net.URI.create(second).getPath(), null).status()).isEqualTo(200);
    }

    static <T extends com.vaadin.flow.component.Component> boolean shown(BrowserlessUIContext ui, Class<T> type,
                                                                        String id) {
        return ui.find(type).withId(id).withCondition(c -> c.isVisible()).exists();
    }

    @Test
    void an_approver_approves_from_the_inbox_with_a_comment_and_the_booking_is_confirmed() {
        String approver = unique("bla");
        userWithRoles(approver, "APPROVER");
        String requester = unique("blq");
        String token = userWithRoles(requester, "REQUESTER");
        String room = approvedBy(approver, unique("Board room"), 10);
        var created = book(token, room, 50, "Budget");
        String bookingId = created.get("bookingId").asString();
        assertThat(created.get("status").asString()).isEqualTo("PENDING_APPROVAL");

        BrowserlessUIContext ui = signedIn(approver, "APPROVER");
        ui.navigate(ApprovalsView.class);
        @SuppressWarnings("unchecked")
        Grid<ApprovalView> inbox = ui.find(Grid.class).withId("approvals").single();
        assertThat(ui.test(inbox).size()).isEqualTo(1);
        // the approver sees what is asked for and where, not only who asks
        assertThat(ui.test(inbox).getCellText(0, 0)).startsWith("Budget · Board room").contains(" · 1 attendee");
        var decision = ui.test(inbox).getCellComponent(0, 0);
        ui.test(ui.find(TextField.class, decision).single()).setValue("Fine by me");
        ui.test(ui.find(Button.class, decision).withClassName("approve").single()).click();
        assertThat(ui.test(ui.find(Notification.class).last()).getText()).contains("Approved");
        // the booking saga confirms it right after the decision
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> http.get(
                "/events/status?bookingId=" + bookingId, token).body().get("status").asString().equals("CONFIRMED"));
        assertThat(ui.test(inbox).size()).isZero();

        // the requester finds who approved it, and what they said, in the booking's details
        BrowserlessUIContext mine = signedIn(requester, "REQUESTER");
        mine.navigate(MyBookingsView.class);
        @SuppressWarnings("unchecked")
        Grid<BookingView> list = mine.find(Grid.class).withId("upcoming-bookings").single();
        mine.test(mine.find(Button.class, mine.test(list).getCellComponent(0, 6)).withClassName("change").single()).click();
        assertThat(mine.find(com.vaadin.flow.component.html.Paragraph.class).withClassName("approval-step").single().getText())
                .contains("approved by " + approver).contains("Fine by me");
    }

    @Test
    void administrators_declare_approval_levels_in_the_form_and_wrong_input_names_its_field() {
        String approver = unique("bll");
        userWithRoles(approver, "APPROVER");
        BrowserlessUIContext ui = signedIn("admin", "ADMIN");
        ui.navigate(AdminResourcesView.class);

        // a level naming nobody is refused at once
        ui.test(ui.find(TextField.class).withId("level-name").single()).setValue("owner");
        ui.test(ui.find(TextField.class).withId("level-approvers").single()).setValue("nobody-" + unique("x"));
        ui.test(ui.find(Button.class).withId("level-add").single()).click();
        assertThat(ui.find(Span.class).withId("level-errors").single().getText()).contains("No user is called");
        ui.test(ui.find(TextField.class).withId("level-approvers").single()).setValue(approver);
        ui.test(ui.find(Button.class).withId("level-add").single()).click();
        assertThat(ui.find(Span.class).withId("level-errors").single().getText()).isEmpty();

        // capacity 0 and a deadline beyond 30 days: each field says what is wrong; nothing is registered
        String name = unique("Atelier");
        ui.test(ui.find(TextField.class).withId("admin-name").single()).setValue(name);
        IntegerField capacity = ui.find(IntegerField.class).withId("admin-capacity").single();
        ui.test(capacity).setValue(0);
        IntegerField deadline = ui.find(IntegerField.class).withId("admin-deadline").single();
        ui.test(deadline).setValue(24 * 31);
        long before = storedEvents();
        ui.test(ui.find(Button.class).withId("admin-save").single()).click();
        assertThat(capacity.isInvalid()).isTrue();
        assertThat(deadline.isInvalid()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);

        ui.test(capacity).setValue(12);
        ui.test(deadline).setValue(36);
        ui.test(ui.find(Button.class).withId("admin-save").single()).click();
        assertThat(ui.test(ui.find(Notification.class).last()).getText()).isEqualTo("Registered " + name + ".");
        var registered = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(
                () -> java.util.stream.StreamSupport.stream(http.get("/api/resources", adminToken).body()
                        .spliterator(), false).filter(r -> r.get("name").asString().equals(name)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(registered.get("approvalLevels").get(0).get("approvers").get(0).asString()).isEqualTo(approver);
        assertThat(registered.get("approvalDeadline").asString()).isEqualTo("PT36H");
    }

    @Test
    void administrators_set_opening_hours_per_weekday_and_a_closing_before_opening_marks_that_day() {
        BrowserlessUIContext ui = signedIn("admin", "ADMIN");
        ui.navigate(AdminResourcesView.class);
        String name = unique("Library");
        ui.test(ui.find(TextField.class).withId("admin-name").single()).setValue(name);
        for (int day = 1; day <= 5; day++) {
            ui.test(ui.find(com.vaadin.flow.component.checkbox.Checkbox.class).withId("opening-open-" + day).single())
                    .click();
        }
        var tuesdayTo = ui.find(com.vaadin.flow.component.timepicker.TimePicker.class).withId("opening-to-2").single();
        var tuesdayFrom = ui.find(com.vaadin.flow.component.timepicker.TimePicker.class).withId("opening-from-2")
                .single();
        tuesdayTo.setValue(java.time.LocalTime.of(7, 0));
        long before = storedEvents();
        ui.test(ui.find(Button.class).withId("admin-save").single()).click();
        assertThat(tuesdayFrom.isInvalid()).as("Tuesday opens after it closes").isTrue();
        assertThat(storedEvents()).isEqualTo(before);

        tuesdayTo.setValue(java.time.LocalTime.MIDNIGHT); // open until midnight
        ui.test(ui.find(Button.class).withId("admin-save").single()).click();
        assertThat(ui.test(ui.find(Notification.class).last()).getText()).isEqualTo("Registered " + name + ".");
        var registered = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(
                () -> java.util.stream.StreamSupport.stream(http.get("/api/resources", adminToken).body()
                        .spliterator(), false).filter(r -> r.get("name").asString().equals(name)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        var hours = registered.get("openingHours");
        assertThat(hours.size()).isEqualTo(5);
        assertThat(hours.get(0).get("from").asString()).isEqualTo("08:00");
        assertThat(hours.get(1).get("to").asString()).isEqualTo("24:00");
    }

    @Test
    void administrators_register_and_remove_webhooks_and_a_bad_url_or_secret_marks_its_field_and_records_nothing() {
        BrowserlessUIContext ui = signedIn("admin", "ADMIN");
        ui.navigate(AdminWebhooksView.class);
        TextField url = ui.find(TextField.class).withId("webhook-url").single();
        PasswordField secret = ui.find(PasswordField.class).withId("webhook-secret").single();

        ui.test(url).setValue("ftp://nope");
        ui.test(secret).setValue("short");
        long before = storedEvents();
        ui.test(ui.find(Button.class).withId("webhook-register").single()).click();
        assertThat(url.isInvalid()).isTrue();
        assertThat(secret.isInvalid()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);

        String target = "https://hooks.example.org/" + unique("ui");
        ui.test(url).setValue(target);
        ui.test(secret).setValue("a-long-enough-secret-for-signing");
        ui.test(ui.find(Button.class).withId("webhook-register").single()).click();
        @SuppressWarnings("unchecked")
        Grid<Webhooks.Subscription> grid = ui.find(Grid.class).withId("webhooks").single();
        Webhooks.Subscription listed = grid.getListDataView().getItems().filter(s -> s.url().equals(target))
                .findFirst().orElseThrow();
        assertThat(listed.createdBy()).isEqualTo("admin");

        int row = grid.getListDataView().getItems().toList().indexOf(listed);
        Button remove = (Button) ui.test(grid).getCellComponent(row, 3);
        ui.test(remove).click();
        assertThat(grid.getListDataView().getItems().map(Webhooks.Subscription::url)).doesNotContain(target);
        assertThat(http.get("/api/audit?aggregateId=" + listed.id(), adminToken).body().size()).isEqualTo(2);
    }

    @Test
    void administrators_link_a_room_mailbox_read_at_once_and_a_bad_address_marks_its_field_and_records_nothing() {
        String room = resource(unique("Outlook hall"), 10);
        String mailbox = unique("hall") + "@contoso.com";
        Instant nine = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        GRAPH.calendar(mailbox, new io.aura.graph.FakeGraph.Entry(nine, nine.plus(1, ChronoUnit.HOURS), "busy", false));
        BrowserlessUIContext ui = signedIn("admin", "ADMIN");
        ui.navigate(AdminOutlookView.class);
        @SuppressWarnings("unchecked")
        ComboBox<ResourceView> resource = ui.find(ComboBox.class).withId("outlook-resource").single();
        TextField box = ui.find(TextField.class).withId("outlook-mailbox").single();
        ResourceView chosen = resource.getListDataView().getItems().filter(r -> r.id().equals(room)).findFirst().orElseThrow();
        ui.test(resource).selectItem(chosen.spec().name());

        ui.test(box).setValue("not a mailbox");
        long before = storedEvents();
        ui.test(ui.find(Button.class).withId("outlook-link").single()).click();
        assertThat(box.isInvalid()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);

        ui.test(box).setValue(mailbox);
        ui.test(ui.find(Button.class).withId("outlook-link").single()).click();
        @SuppressWarnings("unchecked")
        Grid<ExternalCalendarLinks.Link> grid = ui.find(Grid.class).withId("outlook-links").single();
        ExternalCalendarLinks.Link listed = grid.getListDataView().getItems().filter(l -> l.resourceId().equals(room))
                .findFirst().orElseThrow();
        assertThat(listed.mailbox()).isEqualTo(mailbox);
        assertThat(listed.busyTimes()).isEqualTo(1);
        var refused = http.post("/events/create", userWithRoles(unique("blout"), "REQUESTER"), Map.of("title", "Over Outlook",
                "resourceId", room, "start", nine.toString(), "end", nine.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("conflicts").get(0).get("source").asString()).isEqualTo("EXTERNAL");
    }

    @Test
    void the_audit_pages_through_every_event_and_a_day_window_narrows_it() {
        String token = userWithRoles(unique("blpage"), "REQUESTER");
        String room = resource(unique("Archive"), 3);
        for (int i = 0; i < 20; i++) {
            book(token, room, 30 + i, "Paged " + i); // at least 60 events in the store, whatever ran before
        }
        BrowserlessUIContext auditor = signedIn(unique("blpager"), "AUDITOR");
        auditor.navigate(AuditView.class);
        @SuppressWarnings("unchecked")
        Grid<io.aura.kernel.audit.AuditLog.Entry> events = auditor.find(Grid.class).withId("audit-events").single();
        Span page = auditor.find(Span.class).withId("audit-page").single();
        Button later = auditor.find(Button.class).withId("audit-later").single();
        Button earlier = auditor.find(Button.class).withId("audit-earlier").single();

        List<io.aura.kernel.audit.AuditLog.Entry> first = events.getListDataView().getItems().toList();
        assertThat(first).hasSize(50); // the page size the tests set
        assertThat(page.getText()).endsWith("more follow");
        assertThat(earlier.isEnabled()).isFalse();
        auditor.test(later).click();
        List<io.aura.kernel.audit.AuditLog.Entry> second = events.getListDataView().getItems().toList();
        assertThat(second.get(0).globalIndex()).isGreaterThan(first.get(first.size() - 1).globalIndex());
        auditor.test(earlier).click();
        assertThat(events.getListDataView().getItems().toList()).isEqualTo(first);

        // a window that begins tomorrow holds nothing yet
        auditor.find(com.vaadin.flow.component.datepicker.DatePicker.class).withId("audit-from").single()
                .setValue(java.time.LocalDate.now().plusDays(2));
        auditor.test(auditor.find(Button.class).withId("audit-search").single()).click();
        assertThat(events.getListDataView().getItems().toList()).isEmpty();
        assertThat(page.getText()).isEqualTo("No events match.");
    }

    @Test
    void an_administrator_reassigns_an_approval_from_the_inbox_and_an_unknown_name_marks_the_field() {
        String away = unique("blaway");
        userWithRoles(away, "APPROVER");
        String standIn = unique("blstand");
        String standInToken = userWithRoles(standIn, "APPROVER");
        String token = userWithRoles(unique("blreq"), "REQUESTER");
        String bookingId = book(token, approvedBy(away, unique("Studio"), 4), 80, "Handover").get("bookingId").asString();

        BrowserlessUIContext ui = signedIn("admin", "ADMIN");
        ui.navigate(ApprovalsView.class);
        @SuppressWarnings("unchecked")
        Grid<ApprovalView> inbox = ui.find(Grid.class).withId("approvals").single();
        int row = rowOf(inbox, bookingId);
        ui.test(ui.find(Button.class, ui.test(inbox).getCellComponent(row, 0)).withClassName("reassign").single()).click();
        TextField approvers = ui.find(TextField.class).withId("reassign-approvers").single();
        assertThat(approvers.getValue()).isEqualTo(away);

        long before = storedEvents();
        ui.test(approvers).setValue("nobody-" + unique("x"));
        ui.test(ui.find(Button.class).withId("reassign-save").single()).click();
        assertThat(approvers.isInvalid()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);

        ui.test(approvers).setValue(standIn);
        ui.test(ui.find(TextField.class).withId("reassign-reason").single()).setValue(away + " is on leave");
        ui.test(ui.find(Button.class).withId("reassign-save").single()).click();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> http
                .get("/api/approvals?status=PENDING", standInToken).body().valueStream()
                .anyMatch(a -> a.get("bookingId").asString().equals(bookingId)));
    }

    @Test
    void administrators_close_a_resource_see_it_listed_at_once_and_a_too_long_reason_marks_its_field() {
        String name = unique("Gym");
        String room = resource(name, 20);
        BrowserlessUIContext ui = signedIn("admin", "ADMIN");
        ui.navigate(io.aura.ui.admin.AdminBlackoutsView.class);
        @SuppressWarnings("unchecked")
        ComboBox<ResourceView> resource = ui.find(ComboBox.class).withId("blackout-resource").single();
        ui.test(resource).selectItem(ui.test(resource).getSuggestions().stream().filter(s -> s.equals(name))
                .findFirst().orElseThrow());
        LocalDateTime from = LocalDateTime.now().truncatedTo(ChronoUnit.DAYS).plusDays(5).withHour(8);
        ui.find(DateTimePicker.class).withId("blackout-start").single().setValue(from);
        ui.find(DateTimePicker.class).withId("blackout-end").single().setValue(from.plusHours(4));
        TextField reason = ui.find(TextField.class).withId("blackout-reason").single();
        Button close = ui.find(Button.class).withId("blackout-close").single();

        long before = storedEvents();
        reason.setValue("x".repeat(501)); // (the field stops typing at 500; the service must refuse anyway)
        ui.test(close).click();
        assertThat(reason.isInvalid()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);

        ui.test(reason).setValue("floor sealing");
        ui.test(close).click();
        @SuppressWarnings("unchecked")
        Grid<io.aura.kernel.schedule.ScheduleQueries.BlackoutView> listed = ui.find(Grid.class).withId("blackouts").single();
        assertThat(listed.getListDataView().getItems().toList()).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("floor sealing"));
        // and booking into it is refused as a blackout
        Instant at = from.atZone(java.time.ZoneId.systemDefault()).toInstant();
        var refused = http.post("/events/create", userWithRoles(unique("blgym"), "REQUESTER"), Map.of("title", "Yoga",
                "resourceId", room, "start", at.plus(1, ChronoUnit.HOURS).toString(), "end",
                at.plus(2, ChronoUnit.HOURS).toString()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("conflicts").get(0).get("source").asString()).isEqualTo("BLACKOUT");
    }

    @Test
    void administrators_remove_a_blackout_from_the_list_and_the_slot_is_bookable_at_once() {
        String name = unique("Pool");
        String room = resource(name, 10);
        Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(6, ChronoUnit.DAYS);
        assertThat(http.post("/api/resources/" + room + "/blackouts", adminToken, Map.of("start", from.toString(),
                "end", from.plus(3, ChronoUnit.HOURS).toString(), "reason", "draining")).status()).isEqualTo(201);
        BrowserlessUIContext ui = signedIn("admin", "ADMIN");
        ui.navigate(io.aura.ui.admin.AdminBlackoutsView.class);
        @SuppressWarnings("unchecked")
        ComboBox<ResourceView> resource = ui.find(ComboBox.class).withId("blackout-resource").single();
        ui.test(resource).selectItem(name);
        @SuppressWarnings("unchecked")
        Grid<io.aura.kernel.schedule.ScheduleQueries.BlackoutView> listed = ui.find(Grid.class).withId("blackouts").single();
        assertThat(ui.test(listed).size()).isEqualTo(1);
        assertThat(ui.test(listed).getCellText(0, 1)).isEqualTo("draining");

        ui.test(ui.find(Button.class, ui.test(listed).getCellComponent(0, 2)).withClassName("remove").single()).click();

        assertThat(ui.test(listed).size()).isZero();
        assertThat(ui.test(ui.find(Notification.class).last()).getText()).startsWith(name + " is open again");
        // the schedule took it away: the hour it closed is booked as any other
        var booked = http.post("/events/create", userWithRoles(unique("blpool"), "REQUESTER"), Map.of("title", "Swim",
                "resourceId", room, "start", from.plus(1, ChronoUnit.HOURS).toString(), "end",
                from.plus(2, ChronoUnit.HOURS).toString()));
        assertThat(booked.status()).isEqualTo(201);
        assertThat(http.get("/api/audit?aggregateId=" + room, adminToken).raw().body()).contains("BlackoutRemoved");
    }

    /** The users view's row of {@code username}. */
    static int rowOfUser(Grid<UserView> users, String username) {
        List<UserView> rows = users.getListDataView().getItems().toList();
        return java.util.stream.IntStream.range(0, rows.size()).filter(i -> rows.get(i).username().equals(username))
                .findFirst().orElseThrow();
    }

    static final int STATUS = 4;
    static final int ROLES = 3;
    static final int USER_ACTIONS = 5;

    @Test
    void an_administrator_disables_a_user_from_the_users_view_after_confirming_and_their_token_stops_working() {
        String name = unique("bldis");
        String token = userWithRoles(name, "REQUESTER");
        assertThat(http.get("/api/users/me", token).status()).isEqualTo(200);
        BrowserlessUIContext ui = signedIn("admin", "ADMIN");
        ui.navigate(AdminUsersView.class);
        @SuppressWarnings("unchecked")
        Grid<UserView> users = ui.find(Grid.class).withId("users").single();
        assertThat(ui.test(users).getCellText(rowOfUser(users, name), STATUS)).isEqualTo("active");

        // it asks first: cancelling changes nothing
        var actions = ui.test(users).getCellComponent(rowOfUser(users, name), USER_ACTIONS);
        ui.test(ui.find(Button.class, actions).withClassName("disable").single()).click();
        ui.test(ui.find(ConfirmDialog.class).withId("disable-confirm").last()).cancel();
        assertThat(http.get("/api/users/me", token).status()).isEqualTo(200);

        ui.test(ui.find(Button.class, actions).withClassName("disable").single()).click();
        ui.test(ui.find(ConfirmDialog.class).withId("disable-confirm").last()).confirm();

        assertThat(ui.test(users).getCellText(rowOfUser(users, name), STATUS)).isEqualTo("disabled");
        assertThat(http.get("/api/users/me", token).status()).isEqualTo(401);

        // disabling oneself is refused by the account, told as a notification; nothing changes
        long before = storedEvents();
        ui.test(ui.find(Button.class, ui.test(users).getCellComponent(rowOfUser(users, "admin"), USER_ACTIONS))
                .withClassName("disable").single()).click();
        ui.test(ui.find(ConfirmDialog.class).withId("disable-confirm").last()).confirm();
        assertThat(ui.test(ui.find(Notification.class).last()).getText()).contains("cannot disable yourself");
        assertThat(ui.test(users).getCellText(rowOfUser(users, "admin"), STATUS)).isEqualTo("active");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(http.get("/api/users/me", adminToken).status()).isEqualTo(200);
    }

    @Test
    void an_administrator_erases_a_users_personal_data_from_the_users_view_after_confirming() {
        String name = unique("blera");
        String token = userWithRoles(name, "REQUESTER");
        BrowserlessUIContext ui = signedIn("admin", "ADMIN");
        ui.navigate(AdminUsersView.class);
        @SuppressWarnings("unchecked")
        Grid<UserView> users = ui.find(Grid.class).withId("users").single();
        var actions = ui.test(users).getCellComponent(rowOfUser(users, name), USER_ACTIONS);

        // it asks first, saying what goes and that it cannot be undone: cancelling changes nothing
        ui.test(ui.find(Button.class, actions).withClassName("erase").single()).click();
        ConfirmDialog asked = ui.find(ConfirmDialog.class).withId("erase-confirm").last();
        assertThat(asked.getElement().getProperty("message")).contains("cannot be undone");
        long before = storedEvents();
        ui.test(asked).cancel();
        assertThat(storedEvents()).isEqualTo(before);

        ui.test(ui.find(Button.class, actions).withClassName("erase").single()).click();
        ui.test(ui.find(ConfirmDialog.class).withId("erase-confirm").last()).confirm();

        assertThat(ui.test(users).getCellText(rowOfUser(users, name), STATUS)).isEqualTo("disabled");
        assertThat(http.get("/api/audit?aggregateId=" + name, adminToken).raw().body()).contains("UserErased");
        assertThat(http.get("/api/users/me", token).status()).isEqualTo(401);
    }

    @Test
    void an_administrator_revokes_a_role_from_the_users_view_but_not_their_own_admin_role() {
        String name = unique("blrev");
        String token = userWithRoles(name, "REQUESTER", "APPROVER");
        BrowserlessUIContext ui = signedIn("admin", "ADMIN");
        ui.navigate(AdminUsersView.class);
        @SuppressWarnings("unchecked")
        Grid<UserView> users = ui.find(Grid.class).withId("users").single();
        assertThat(ui.test(users).getCellText(rowOfUser(users, name), ROLES)).isEqualTo("REQUESTER, APPROVER");

        var actions = ui.test(users).getCellComponent(rowOfUser(users, name), USER_ACTIONS);
        @SuppressWarnings("unchecked")
        Select<Role> held = ui.find(Select.class, actions).withClassName("revoke-role").single();
        ui.test(held).selectItem("APPROVER");
        ui.test(ui.find(Button.class, actions).withClassName("revoke").single()).click();

        assertThat(ui.test(users).getCellText(rowOfUser(users, name), ROLES)).isEqualTo("REQUESTER");
        assertThat(http.get("/api/users/me", token).body().get("roles").toString()).isEqualTo("[\"REQUESTER\"]");

        // the administrator's own ADMIN role: the account refuses, the view tells why and keeps going
        long before = storedEvents();
        var mine = ui.test(users).getCellComponent(rowOfUser(users, "admin"), USER_ACTIONS);
        @SuppressWarnings("unchecked")
        Select<Role> own = ui.find(Select.class, mine).withClassName("revoke-role").single();
        ui.test(own).selectItem("ADMIN");
        ui.test(ui.find(Button.class, mine).withClassName("revoke").single()).click();
        assertThat(ui.test(ui.find(Notification.class).last()).getText()).contains("cannot revoke their own ADMIN");
        assertThat(ui.test(users).getCellText(rowOfUser(users, "admin"), ROLES)).contains("ADMIN");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(http.get("/api/users", adminToken).status()).isEqualTo(200);
    }

    @Test
    void notifications_show_the_signed_in_persons_own_approval_requests_with_the_link_that_decides() {
        String approver = unique("blna");
        userWithRoles(approver, "APPROVER");
        String requester = unique("blnr");
        String token = userWithRoles(requester, "REQUESTER");
        String bookingId = book(token, approvedBy(approver, unique("Atrium"), 6), 60, "Noted").get("bookingId").asString();

        BrowserlessUIContext ui = signedIn(approver, "APPROVER");
        NotificationView request = org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> notificationsShown(ui).stream()
                        .filter(n -> bookingId.equals(n.bookingId()) && n.type().equals("APPROVAL_REQUEST")).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        assertThat(request.token()).isNotBlank();
        assertThat(request.link()).contains("/approvals/decide?token=");
        // the requester's own list holds no one else's approval request (nor its token)
        BrowserlessUIContext theirs = signedIn(requester, "REQUESTER");
        assertThat(notificationsShown(theirs)).noneMatch(n -> n.type().equals("APPROVAL_REQUEST"));
    }

    static List<NotificationView> notificationsShown(BrowserlessUIContext ui) {
        ui.navigate(io.aura.ui.approval.NotificationsView.class);
        @SuppressWarnings("unchecked")
        Grid<NotificationView> grid = ui.find(Grid.class).withId("notifications").single();
        return grid.getListDataView().getItems().toList();
    }

    @Test
    void each_view_is_reached_only_by_the_roles_it_serves() {
        BrowserlessUIContext requester = signedIn(unique("blroles"), "REQUESTER");
        assertThat(requester.navigate(CalendarView.class)).isNotNull();
        assertThat(requester.navigate(HeatmapView.class)).isNotNull();
        for (Class<? extends com.vaadin.flow.component.Component> view : List.of(AdminResourcesView.class,
                ApprovalsView.class, AuditView.class)) {
            assertThatThrownBy(() -> requester.navigate(view)).as(view.getSimpleName())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // an auditor opens one booking's timeline: only its events, in order
        String owner = unique("blown");
        String ownerToken = userWithRoles(owner, "REQUESTER");
        String bookingId = book(ownerToken, resource(unique("Loft"), 3), 90, "Timeline").get("bookingId").asString();
        BrowserlessUIContext auditor = signedIn(unique("blaud"), "AUDITOR");
        auditor.getUI().navigate(AuditView.class, com.vaadin.flow.router.QueryParameters.of("aggregate", bookingId));
        @SuppressWarnings("unchecked")
        Grid<io.aura.kernel.audit.AuditLog.Entry> events = auditor.find(Grid.class).withId("audit-events").single();
        List<io.aura.kernel.audit.AuditLog.Entry> timeline = events.getListDataView().getItems().toList();
        assertThat(timeline).extracting(io.aura.kernel.audit.AuditLog.Entry::type)
                .containsExactly("BookingRequested", "BookingConfirmed");
        assertThat(timeline).allMatch(e -> e.aggregateId().equals(bookingId));
        auditor.test(auditor.find(Button.class).withId("audit-verify").single()).click();
        assertThat(auditor.find(Span.class).withId("audit-verdict").single().getText()).startsWith("Chain intact");
        // an anchor taken now checks as unchanged; text that is not one of ours is named as such
        auditor.test(auditor.find(Button.class).withId("audit-anchor-take").single()).click();
        TextArea anchor = auditor.find(TextArea.class).withId("audit-anchor").single();
        assertThat(anchor.getValue()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        auditor.test(auditor.find(Button.class).withId("audit-anchor-check").single()).click();
        assertThat(auditor.find(Span.class).withId("audit-anchor-verdict").single().getText()).startsWith("Unchanged");
        anchor.setValue("eyJhbGciOiJub25lIn0.eyJzaGEyNTYiOiIwIn0.");
        auditor.test(auditor.find(Button.class).withId("audit-anchor-check").single()).click();
        assertThat(auditor.find(Span.class).withId("audit-anchor-verdict").single().getText()).startsWith("This is not");
        assertThatThrownBy(() -> auditor.navigate(AdminResourcesView.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_heatmap_draws_seven_days_of_twenty_four_hours_with_minutes_and_utilization_for_each() {
        BrowserlessUIContext ui = signedIn(unique("blh"), "REQUESTER");
        ui.navigate(HeatmapView.class);
        Div heatmap = ui.find(Div.class).withId("heatmap").single();
        List<String> cells = heatmap.getChildren().filter(c -> c.getElement().hasAttribute("title"))
                .map(c -> c.getElement().getAttribute("title")).toList();
        assertThat(cells).hasSize(7 * 24);
        assertThat(cells.get(0)).matches("Monday 00:00 · \\d+ of \\d+ bookable min booked · \\d+% used");
    }

    @Test
    void an_administrator_overrides_from_the_inbox_only_with_a_reason_and_the_audit_shows_the_override() {
        String approver = unique("blo");
        userWithRoles(approver, "APPROVER");
        String requester = unique("blor");
        String token = userWithRoles(requester, "REQUESTER");
        String room = approvedBy(approver, unique("Vault"), 4);
        String bookingId = book(token, room, 70, "Audit prep").get("bookingId").asString();

        BrowserlessUIContext ui = signedIn("admin", "ADMIN");
        ui.navigate(ApprovalsView.class);
        @SuppressWarnings("unchecked")
        Grid<ApprovalView> inbox = ui.find(Grid.class).withId("approvals").single();
        int row = rowOf(inbox, bookingId);
        String approvalId = inbox.getListDataView().getItems().toList().get(row).approvalId();
        var decision = ui.test(inbox).getCellComponent(row, 0);
        TextField comment = ui.find(TextField.class, decision).single();

        long before = storedEvents();
        ui.test(ui.find(Button.class, decision).withClassName("approve").single()).click();
        assertThat(comment.isInvalid()).as("an override needs a reason").isTrue();
        assertThat(storedEvents()).isEqualTo(before);

        ui.test(comment).setValue("Owner on leave; approved by facilities");
        ui.test(ui.find(Button.class, decision).withClassName("approve").single()).click();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> http.get(
                "/events/status?bookingId=" + bookingId, token).body().get("status").asString().equals("CONFIRMED"));
        String audit = http.get("/api/audit?aggregateId=" + approvalId, adminToken).raw().body();
        assertThat(audit).contains("OVERRIDE").contains("Owner on leave");
    }
}
