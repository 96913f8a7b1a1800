package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.aura.app.IntegrationTest;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.ui.booking.CalendarView;
import io.aura.ui.booking.MyBookingsView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The request form and my bookings as a person uses them (issue 18), driven on the server against the running
 * application: the chosen resource survives typing the attendees, Book waits while the preview says no (and a
 * refusal is told once, in the form), the zones of the times, a night warning, distinct names for the date and
 * time parts, the end following the start, past bookings offering nothing to change, and German throughout.
 */
class RequestFormIT extends IntegrationTest {
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

    String resource(String name, int capacity, String timeZone, Object... more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "capacity", capacity, "timeZone",
                timeZone));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        var created = http.post("/api/resources", adminToken, body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    /** A requester's calendar with the request form open. */
    BrowserlessUIContext formOpen(Locale locale) {
        String requester = unique("rf");
        userWithRoles(requester, "REQUESTER");
        BrowserlessUIContext ui = signedIn(requester, "REQUESTER");
        ui.getUI().setLocale(locale);
        ui.navigate(CalendarView.class);
        ui.test(ui.find(Button.class).withId("new-booking").single()).click();
        return ui;
    }

    @SuppressWarnings("unchecked")
    static ComboBox<ResourceView> picker(BrowserlessUIContext ui) {
        return ui.find(ComboBox.class).withId("request-resource").single();
    }

    static void choose(BrowserlessUIContext ui, String name) {
        ui.test(picker(ui)).selectItem(ui.test(picker(ui)).getSuggestions().stream().filter(s -> s.startsWith(name))
                .findFirst().orElseThrow());
    }

    static DateTimePicker field(BrowserlessUIContext ui, String id) {
        return ui.find(DateTimePicker.class).withId(id).single();
    }

    static String text(BrowserlessUIContext ui, Class<? extends com.vaadin.flow.component.Component> type, String id) {
        return ui.find(type).withId(id).single().getElement().getTextRecursively();
    }

    /** The given local time in {@code there}, as this machine's clock (the form's zone without a browser) shows it. */
    static LocalDateTime here(LocalDateTime there, ZoneId zone) {
        return there.atZone(zone).withZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
    }

    @Test
    void typing_the_attendees_keeps_the_chosen_resource_and_a_resource_too_small_is_marked_not_dropped() {
        String large = unique("Forum");
        String small = unique("Booth");
        resource(large, 40, "Europe/Berlin");
        resource(small, 2, "Europe/Berlin");
        BrowserlessUIContext ui = formOpen(Locale.ENGLISH);
        ComboBox<ResourceView> picker = picker(ui);
        IntegerField attendees = ui.find(IntegerField.class).withId("request-attendees").single();

        choose(ui, large);
        ui.test(attendees).setValue(12);
        assertThat(picker.getValue()).as("still fits: still chosen").isNotNull();
        assertThat(picker.getValue().spec().name()).isEqualTo(large);
        assertThat(picker.isInvalid()).isFalse();
        assertThat(ui.test(picker).getSuggestions()).noneMatch(s -> s.startsWith(small));

        ui.test(attendees).setValue(1);
        choose(ui, small);
        ui.test(attendees).setValue(12);
        assertThat(picker.getValue()).as("too small now: kept and marked, not silently cleared").isNotNull();
        assertThat(picker.getValue().spec().name()).isEqualTo(small);
        assertThat(picker.isInvalid()).isTrue();
        assertThat(picker.getErrorMessage()).contains(small).contains("2").contains("12");
        assertThat(ui.find(Button.class).withId("request-submit").single().isEnabled()).isFalse();

        ui.test(attendees).setValue(2);
        assertThat(picker.isInvalid()).isFalse();
        assertThat(picker.getValue().spec().name()).isEqualTo(small);
    }

    @Test
    void book_waits_while_the_preview_says_no_so_no_click_records_a_refusal_and_a_suggestion_enables_it() {
        String name = unique("Snug");
        String room = resource(name, 6, "Europe/Berlin");
        Instant taken = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(50, ChronoUnit.HOURS);
        String other = userWithRoles(unique("rfo"), "REQUESTER");
        assertThat(http.post("/events/create", other, Map.of("title", "First", "resourceId", room, "start",
                taken.toString(), "end", taken.plus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(201);

        BrowserlessUIContext ui = formOpen(Locale.ENGLISH);
        ui.test(ui.find(TextField.class).withId("request-title").single()).setValue("Second");
        choose(ui, name);
        field(ui, "request-start").setValue(LocalDateTime.ofInstant(taken, ZoneId.systemDefault()));
        field(ui, "request-end").setValue(LocalDateTime.ofInstant(taken.plus(1, ChronoUnit.HOURS), ZoneId.systemDefault()));
        Button book = ui.find(Button.class).withId("request-submit").single();
        assertThat(book.isEnabled()).as("the preview says it is taken").isFalse();
        // said once: one line in the form, no other
        assertThat(text(ui, Div.class, "request-live")).contains("taken");
        assertThat(ui.find(Paragraph.class).withId("request-why").all()).hasSize(1);

        long before = storedEvents();
        assertThatThrownBy(() -> ui.test(book).click()).as("a disabled button takes no click")
                .isInstanceOf(IllegalStateException.class);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(ui.find(Notification.class).all()).isEmpty();

        ui.test(ui.find(Button.class, ui.find(Div.class).withId("request-live").single()).withClassName("suggestion")
                .first()).click();
        assertThat(book.isEnabled()).isTrue();
        ui.test(book).click();
        assertThat(ui.test(ui.find(Notification.class).last()).getText()).isEqualTo("Booked: confirmed.");
        // my bookings holds the booking made, and no refused try
        ui.navigate(MyBookingsView.class);
        @SuppressWarnings("unchecked")
        Grid<BookingView> upcoming = ui.find(Grid.class).withId("upcoming-bookings").single();
        assertThat(ui.find(Div.class).withId("past-empty").single().isVisible()).isTrue();
        assertThat(ui.find(Grid.class).withId("past-bookings").exists()).isFalse();
        assertThat(ui.test(upcoming).size()).isEqualTo(1);
        assertThat(ui.test(upcoming).getCellText(0, 4)).isEqualTo("Confirmed");
    }

    @Test
    void the_one_click_slots_come_in_the_one_rankers_order_a_hall_whose_bookings_go_unused_after_its_twin() {
        int seats = 7901; // only this test's rooms seat as many: the same time elsewhere is among them alone
        String asked = unique("Asked");
        String room = resource(asked, seats, "UTC");
        String[] halls = {unique("Hall"), unique("Hall")};
        String[] ids = {resource(halls[0], seats, "UTC"), resource(halls[1], seats, "UTC")};
        // without history the twins tie and the smaller id comes first: that one learns to go unused
        int unused = ids[0].compareTo(ids[1]) < 0 ? 0 : 1;
        Instant ten = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
        String other = userWithRoles(unique("rfh"), "REQUESTER");
        assertThat(http.post("/events/create", other, Map.of("title", "First", "resourceId", room, "start",
                ten.toString(), "end", ten.plus(1, ChronoUnit.HOURS).toString(), "attendees", seats)).status())
                .isEqualTo(201);
        for (int week = 1; week <= 3; week++) {
            Instant start = ten.plus(7L * week, ChronoUnit.DAYS);
            var booked = http.post("/events/create", other, Map.of("title", "Unused", "resourceId", ids[unused],
                    "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString(), "attendees", seats));
            assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
            assertThat(http.post("/events/" + booked.body().get("bookingId").asString() + "/cancel", other, Map.of())
                    .status()).isEqualTo(200);
        }

        BrowserlessUIContext ui = formOpen(Locale.ENGLISH);
        ui.test(ui.find(TextField.class).withId("request-title").single()).setValue("Second");
        choose(ui, asked);
        ui.test(ui.find(IntegerField.class).withId("request-attendees").single()).setValue(seats);
        field(ui, "request-start").setValue(LocalDateTime.ofInstant(ten, ZoneId.systemDefault()));
        field(ui, "request-end").setValue(LocalDateTime.ofInstant(ten.plus(1, ChronoUnit.HOURS), ZoneId.systemDefault()));

        java.util.List<String> offered = ui.find(Button.class, ui.find(Div.class).withId("request-live").single())
                .withClassName("suggestion").all().stream().map(Button::getText).toList();
        int usedAt = java.util.stream.IntStream.range(0, offered.size())
                .filter(i -> offered.get(i).contains(halls[1 - unused])).findFirst().orElse(-1);
        int unusedAt = java.util.stream.IntStream.range(0, offered.size())
                .filter(i -> offered.get(i).contains(halls[unused])).findFirst().orElse(-1);
        assertThat(usedAt).as(offered.toString()).isNotNegative();
        assertThat(unusedAt).as(offered.toString()).isGreaterThan(usedAt);
    }

    @Test
    void a_slot_taken_between_the_preview_and_the_click_is_explained_once_in_the_form_with_slots_to_take() {
        String name = unique("Bay");
        String room = resource(name, 6, "Europe/Berlin");
        Instant slot = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(52, ChronoUnit.HOURS);
        BrowserlessUIContext ui = formOpen(Locale.ENGLISH);
        ui.test(ui.find(TextField.class).withId("request-title").single()).setValue("Mine");
        choose(ui, name);
        field(ui, "request-start").setValue(LocalDateTime.ofInstant(slot, ZoneId.systemDefault()));
        field(ui, "request-end").setValue(LocalDateTime.ofInstant(slot.plus(1, ChronoUnit.HOURS), ZoneId.systemDefault()));
        Button book = ui.find(Button.class).withId("request-submit").single();
        assertThat(book.isEnabled()).isTrue();
        // someone else is quicker
        String other = userWithRoles(unique("rfq"), "REQUESTER");
        assertThat(http.post("/events/create", other, Map.of("title", "Quicker", "resourceId", room, "start",
                slot.toString(), "end", slot.plus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(201);

        ui.test(book).click();
        assertThat(ui.find(Notification.class).all()).as("no second explanation in a toast").isEmpty();
        assertThat(ui.find(Dialog.class).all()).as("the form stays open").isNotEmpty();
        assertThat(text(ui, Div.class, "request-live")).contains("taken");
        assertThat(ui.find(Button.class, ui.find(Div.class).withId("request-live").single()).withClassName("suggestion")
                .all()).isNotEmpty();
        assertThat(ui.find(Paragraph.class).withId("request-outcome").single().getText()).isEmpty();
        assertThat(book.isEnabled()).isFalse();
    }

    @Test
    void the_form_names_the_zone_of_its_times_shows_them_where_the_resource_is_and_warns_at_night_there() {
        String name = unique("Harbour");
        ZoneId sydney = ZoneId.of("Australia/Sydney");
        resource(name, 6, "Australia/Sydney");
        BrowserlessUIContext ui = formOpen(Locale.ENGLISH);
        DateTimePicker start = field(ui, "request-start");
        DateTimePicker end = field(ui, "request-end");
        assertThat(start.getHelperText()).isEqualTo("Times in your zone, " + ZoneId.systemDefault().getId());
        choose(ui, name);

        LocalDate day = LocalDate.now(sydney).plusDays(5);
        start.setValue(here(day.atTime(2, 0), sydney));
        end.setValue(here(day.atTime(3, 0), sydney));
        assertThat(text(ui, Paragraph.class, "request-zones")).contains("02:00–03:00").contains("in Sydney")
                .contains(name);
        assertThat(text(ui, Paragraph.class, "request-night")).startsWith("At night where " + name + " is");
        assertThat(ui.find(Button.class).withId("request-submit").single().isEnabled())
                .as("a warning, not a refusal").isTrue();

        start.setValue(here(day.atTime(10, 0), sydney));
        assertThat(text(ui, Paragraph.class, "request-zones")).contains("10:00–11:00");
        assertThat(text(ui, Paragraph.class, "request-night")).isEmpty();
    }

    @Test
    void the_date_and_time_parts_have_their_own_names() {
        BrowserlessUIContext ui = formOpen(Locale.ENGLISH);
        DateTimePicker start = field(ui, "request-start");
        DateTimePicker end = field(ui, "request-end");
        assertThat(start.getDateAriaLabel()).contains("Start date");
        assertThat(start.getTimeAriaLabel()).contains("Start time");
        assertThat(end.getDateAriaLabel()).contains("End date");
        assertThat(end.getTimeAriaLabel()).contains("End time");
    }

    @Test
    void in_english_without_a_country_the_date_pickers_write_dates_the_british_way_and_in_german_the_german_way() {
        BrowserlessUIContext english = formOpen(Locale.ENGLISH);
        assertThat(field(english, "request-start").getLocale()).isEqualTo(Locale.UK);
        assertThat(field(english, "request-end").getLocale()).isEqualTo(Locale.UK);

        BrowserlessUIContext german = formOpen(Locale.GERMAN);
        assertThat(field(german, "request-start").getLocale()).isEqualTo(Locale.GERMAN);
        assertThat(field(german, "request-end").getLocale()).isEqualTo(Locale.GERMAN);
    }

    @Test
    void moving_the_start_takes_the_end_along_so_the_booking_keeps_its_length() {
        BrowserlessUIContext ui = formOpen(Locale.ENGLISH);
        DateTimePicker start = field(ui, "request-start");
        DateTimePicker end = field(ui, "request-end");
        LocalDateTime nine = LocalDate.now().plusDays(3).atTime(9, 0);
        ui.test(start).setValue(nine);
        assertThat(end.getValue()).as("the hour the form opened with, moved along").isEqualTo(nine.plusHours(1));
        ui.test(end).setValue(nine.plusHours(2));
        ui.test(start).setValue(nine.plusDays(1));
        assertThat(end.getValue()).as("two hours still").isEqualTo(nine.plusDays(1).plusHours(2));
    }

    @Test
    void a_booking_that_is_over_offers_nothing_to_move_or_cancel() {
        String requester = unique("rfp");
        String token = userWithRoles(requester, "REQUESTER");
        String room = resource(unique("Minute"), 4, "Europe/Berlin", "minDurationMinutes", 1);
        // a booking that is over within the test: a minute, starting in a few seconds
        Instant soon = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        assertThat(http.post("/events/create", token, Map.of("title", "Brief", "resourceId", room, "start",
                soon.toString(), "end", soon.plus(1, ChronoUnit.MINUTES).toString())).status()).isEqualTo(201);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Instant.now().isAfter(soon.plus(1, ChronoUnit.MINUTES)));

        BrowserlessUIContext ui = signedIn(requester, "REQUESTER");
        ui.navigate(MyBookingsView.class);
        @SuppressWarnings("unchecked")
        Grid<BookingView> past = ui.find(Grid.class).withId("past-bookings").single();
        assertThat(ui.test(past).size()).isEqualTo(1);
        assertThat(ui.test(past).getCellText(0, 0)).isEqualTo("Brief");
        assertThat(ui.test(past).getCellText(0, 4)).isEqualTo("Confirmed");
        assertThat(ui.find(Button.class, ui.test(past).getCellComponent(0, 6)).withClassName("change").all())
                .as("a booking that is over is history").isEmpty();
        assertThat(ui.find(Button.class, ui.test(past).getCellComponent(0, 6)).withClassName("proof").all())
                .as("its proof stays").hasSize(1);
    }

    @Test
    void in_german_the_form_and_my_bookings_speak_german_with_german_dates() {
        String requester = unique("rfd");
        String token = userWithRoles(requester, "REQUESTER");
        String room = resource(unique("Kammer"), 4, "Europe/Berlin");
        // nine in the morning, so the hour never crosses midnight whatever time the suite runs
        Instant ahead = LocalDate.now().plusDays(3).atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant();
        assertThat(http.post("/events/create", token, Map.of("title", "Ahead", "resourceId", room, "start",
                ahead.toString(), "end", ahead.plus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(201);

        BrowserlessUIContext ui = signedIn(requester, "REQUESTER");
        ui.getUI().setLocale(Locale.GERMAN);
        ui.navigate(CalendarView.class);
        ui.test(ui.find(Button.class).withId("new-booking").single()).click();
        Dialog form = ui.find(Dialog.class).single();
        assertThat(form.getHeaderTitle()).isEqualTo("Neue Buchung");
        DateTimePicker start = field(ui, "request-start");
        assertThat(start.getLabel()).isEqualTo("Beginn");
        assertThat(start.getDateAriaLabel()).contains("Beginn Datum");
        assertThat(start.getHelperText()).startsWith("Zeiten in Ihrer Zeitzone");
        assertThat(ui.find(Button.class).withId("request-submit").single().getText()).isEqualTo("Buchen");
        assertThat(ui.find(TextField.class).withId("request-title").single().getLabel()).isEqualTo("Titel");

        ui.navigate(MyBookingsView.class);
        assertThat(ui.find(H2.class).single().getText()).isEqualTo("Meine Buchungen");
        @SuppressWarnings("unchecked")
        Grid<BookingView> upcoming = ui.find(Grid.class).withId("upcoming-bookings").single();
        assertThat(ui.test(upcoming).getCellText(0, 4)).isEqualTo("Bestätigt");
        // the date in German: weekday and month as German writes them ("Mi., 9. Dez. 2026, 08:00–09:00")
        assertThat(ui.test(upcoming).getCellText(0, 2)).matches("\\p{L}{2}\\., \\d{1,2}\\. \\p{L}+\\.? \\d{4}, "
                + "\\d{2}:\\d{2}–\\d{2}:\\d{2}");
        assertThat(ui.test(upcoming).getCellText(0, 2)).isEqualTo(io.aura.ui.UserZone.span(ahead,
                ahead.plus(1, ChronoUnit.HOURS), ZoneId.systemDefault(), Locale.GERMAN));
        assertThat(ui.find(Button.class, ui.test(upcoming).getCellComponent(0, 6)).withClassName("change")
                .single().getText()).isEqualTo("Verschieben oder stornieren");
        assertThat(ui.find(com.vaadin.flow.component.html.Span.class).all()).noneMatch(s -> s.getText() != null
                && s.getText().contains("!{"));
    }

    @Test
    void in_german_a_rule_of_the_resource_reads_in_german_not_in_the_apis_english() {
        String name = unique("Zelle");
        resource(name, 4, "Europe/Berlin", "maxDurationMinutes", 60);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(30, ChronoUnit.HOURS);

        BrowserlessUIContext ui = formOpen(Locale.GERMAN);
        ui.test(ui.find(TextField.class).withId("request-title").single()).setValue("Zu lang");
        choose(ui, name);
        field(ui, "request-start").setValue(LocalDateTime.ofInstant(start, ZoneId.systemDefault()));
        field(ui, "request-end").setValue(LocalDateTime.ofInstant(start.plus(2, ChronoUnit.HOURS), ZoneId.systemDefault()));

        String why = text(ui, Paragraph.class, "request-why");
        assertThat(why).contains("Die Buchung dauert 120 Min.; diese Ressource erlaubt höchstens 60 Min.")
                .doesNotContain("this resource allows");
        assertThat(ui.find(Button.class).withId("request-submit").single().isEnabled()).isFalse();
    }
}
