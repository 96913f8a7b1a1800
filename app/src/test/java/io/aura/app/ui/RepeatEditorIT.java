package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.aura.app.IntegrationTest;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.ui.booking.CalendarView;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The request form's recurrence editor, driven on the server against the running application: a series
 * chosen as "weekly on Wednesday, 6 times" books six dates, the preview says which dates are taken before
 * anything is sent, and the raw RRULE stays available with its errors inline and nothing recorded.
 */
class RepeatEditorIT extends IntegrationTest {
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

    /** The form shows times in the browser's zone; without a browser that is this JVM's. */
    static final ZoneId HERE = ZoneId.systemDefault();

    /** A Wednesday at least two days ahead, at {@code hour} here. */
    static LocalDateTime nextWednesdayAt(int hour) {
        return LocalDate.now(HERE).plusDays(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)).atTime(hour, 0);
    }

    static Instant at(LocalDateTime local) {
        return local.atZone(HERE).toInstant();
    }

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The date {@code weeks} after {@code first}, at the same hour in the resource's zone (where series are expanded). */
    static Instant weeksLater(LocalDateTime first, int weeks) {
        return at(first).atZone(BERLIN).plusWeeks(weeks).toInstant();
    }

    String resource(String name) {
        var created = http.post("/api/resources", adminToken, Map.of("name", name, "capacity", 8, "timeZone",
                "Europe/Berlin"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    /** The request form opened from the calendar, with the resource, a title and the first date's hour. */
    static Dialog openForm(BrowserlessUIContext ui, String resourceName, String title, LocalDateTime first) {
        ui.test(ui.find(Button.class).withId("new-booking").single()).click();
        @SuppressWarnings("unchecked")
        ComboBox<ResourceView> picker = ui.find(ComboBox.class).withId("request-resource").last();
        ui.test(picker).selectItem(ui.test(picker).getSuggestions().stream().filter(s -> s.startsWith(resourceName))
                .findFirst().orElseThrow());
        ui.test(ui.find(TextField.class).withId("request-title").last()).setValue(title);
        ui.find(DateTimePicker.class).withId("request-start").last().setValue(first);
        ui.find(DateTimePicker.class).withId("request-end").last().setValue(first.plusHours(1));
        return ui.find(Dialog.class).last();
    }

    @SuppressWarnings("unchecked")
    static void choose(BrowserlessUIContext ui, String label) {
        Select<Object> choice = ui.find(Select.class).withId("repeat-choice").last();
        ui.test(choice).selectItem(label);
    }

    /** The calendar's entries (one per booked date) of a resource titled {@code title}, as the API lists them. */
    List<Instant> bookedDates(String resourceId, String title) {
        JsonNode events = http.get("/dashboard/calendar?resourceId=" + resourceId + "&from=" + Instant.now() + "&to="
                + Instant.now().plus(120, ChronoUnit.DAYS), adminToken).body().get("events");
        List<Instant> dates = new java.util.ArrayList<>();
        for (JsonNode e : events) {
            if (e.get("title").asString().equals(title)) {
                dates.add(Instant.parse(e.get("start").asString()));
            }
        }
        return dates.stream().sorted().toList();
    }

    @Test
    void weekly_on_wednesday_six_times_previews_the_taken_dates_before_booking_and_books_a_series_of_six() {
        String requester = unique("rep");
        String token = userWithRoles(requester, "REQUESTER");
        String name = unique("Atelier");
        String room = resource(name);
        // the 3rd Wednesday at 14:00 is booked by someone, the 4th is closed then
        LocalDateTime afternoon = nextWednesdayAt(14);
        assertThat(http.post("/events/create", token, Map.of("title", "Someone else", "resourceId", room, "start",
                weeksLater(afternoon, 2).toString(), "end", weeksLater(afternoon, 2).plusSeconds(3600).toString()))
                .status()).isEqualTo(201);
        assertThat(http.post("/api/resources/" + room + "/blackouts", adminToken, Map.of("start",
                weeksLater(afternoon, 3).toString(), "end", weeksLater(afternoon, 3).plusSeconds(3600).toString(),
                "reason", "floor polishing")).status()).isEqualTo(201);

        BrowserlessUIContext ui = vaadin.newUser(requester, "REQUESTER").newWindow();
        ui.navigate(CalendarView.class);
        openForm(ui, name, "Design review", afternoon);
        choose(ui, "Weekly on Wednesday");
        ui.test(ui.find(IntegerField.class).withId("repeat-count").last()).setValue(6);

        assertThat(ui.find(Span.class).withId("repeat-summary").last().getText()).isEqualTo("Weekly on Wednesday, 6 times");
        Div preview = ui.find(Div.class).withId("repeat-preview").last();
        assertThat(ui.find(Span.class, preview).withId("repeat-preview-headline").single().getText())
                .isEqualTo("2 of 6 dates are taken");
        List<ListItem> dates = ui.find(ListItem.class, preview).all();
        assertThat(dates).hasSize(6);
        assertThat(dates).extracting(d -> d.getElement().getTextRecursively()).satisfiesExactly(
                d -> assertThat(d).endsWith("free"), d -> assertThat(d).endsWith("free"),
                d -> assertThat(d).endsWith("taken (booked)"), d -> assertThat(d).endsWith("taken (closed)"),
                d -> assertThat(d).endsWith("free"), d -> assertThat(d).endsWith("free"));
        // the blackout's reason is an administrator's note: a requester is told that it is closed, not why
        assertThat(preview.getElement().getTextRecursively()).doesNotContain("polishing");

        // the morning is free on every Wednesday: the preview says so as the start moves, and Book books six
        LocalDateTime morning = nextWednesdayAt(9);
        ui.find(DateTimePicker.class).withId("request-start").last().setValue(morning);
        ui.find(DateTimePicker.class).withId("request-end").last().setValue(morning.plusHours(1));
        assertThat(ui.find(Span.class, preview).withId("repeat-preview-headline").single().getText())
                .isEqualTo("All 6 dates are free");
        ui.test(ui.find(Button.class).withId("request-submit").last()).click();

        assertThat(ui.test(ui.find(Notification.class).last()).getText()).isEqualTo("Booked: confirmed.");
        List<Instant> booked = bookedDates(room, "Design review");
        assertThat(booked).hasSize(6).first().isEqualTo(at(morning));
        assertThat(booked).allMatch(d -> d.atZone(BERLIN).getDayOfWeek() == DayOfWeek.WEDNESDAY);
        assertThat(booked.getLast()).isEqualTo(weeksLater(morning, 5));
    }

    @Test
    void the_raw_rule_stays_available_as_advanced_and_a_bad_one_is_named_inline_and_records_nothing() {
        String requester = unique("rep");
        userWithRoles(requester, "REQUESTER");
        String name = unique("Loft");
        String room = resource(name);
        BrowserlessUIContext ui = vaadin.newUser(requester, "REQUESTER").newWindow();
        ui.navigate(CalendarView.class);

        // a rule the menu cannot say: the dates it makes are previewed and booked as written
        LocalDateTime first = nextWednesdayAt(11);
        openForm(ui, name, "Stand-up", first);
        choose(ui, "Custom (advanced: RRULE)");
        TextField rule = ui.find(TextField.class).withId("repeat-rule").last();
        ui.test(rule).setValue("RRULE:FREQ=DAILY;INTERVAL=2;COUNT=3");
        assertThat(ui.find(Span.class).withId("repeat-preview-headline").last().getText()).isEqualTo("All 3 dates are free");
        ui.test(ui.find(Button.class).withId("request-submit").last()).click();
        assertThat(ui.test(ui.find(Notification.class).last()).getText()).isEqualTo("Booked: confirmed.");
        assertThat(bookedDates(room, "Stand-up")).containsExactly(at(first),
                at(first).atZone(BERLIN).plusDays(2).toInstant(), at(first).atZone(BERLIN).plusDays(4).toInstant());

        // a rule that is not one: the rule field says so while typing and on Book, and nothing is recorded
        openForm(ui, name, "Retro", nextWednesdayAt(13));
        choose(ui, "Custom (advanced: RRULE)");
        TextField bad = ui.find(TextField.class).withId("repeat-rule").last();
        ui.test(bad).setValue("RRULE:FREQ=SOMETIMES;COUNT=3");
        assertThat(bad.isInvalid()).isTrue();
        assertThat(bad.getErrorMessage()).contains("RRULE");
        long before = storedEvents();
        ui.test(ui.find(Button.class).withId("request-submit").last()).click();
        assertThat(bad.isInvalid()).isTrue();
        assertThat(bad.getErrorMessage()).contains("RRULE");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(bookedDates(room, "Retro")).isEmpty();

        // more dates than a series holds: the count says how many it may be, in words, and nothing is recorded
        choose(ui, "Weekly on Wednesday");
        IntegerField count = ui.find(IntegerField.class).withId("repeat-count").last();
        count.setValue(501); // typed: the browser lets it through to be marked (the tester refuses it beforehand)
        assertThat(count.isInvalid()).isTrue();
        assertThat(count.getErrorMessage()).isEqualTo("Enter a number from 1 to 500");
        ui.test(ui.find(Button.class).withId("request-submit").last()).click();
        assertThat(count.isInvalid()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void in_german_the_menu_and_the_summary_speak_german() {
        String requester = unique("rep");
        userWithRoles(requester, "REQUESTER");
        String name = unique("Salon");
        resource(name);
        BrowserlessUIContext ui = vaadin.newUser(requester, "REQUESTER").newWindow();
        ui.getUI().setLocale(Locale.GERMAN);
        ui.navigate(CalendarView.class);
        openForm(ui, name, "Jour fixe", nextWednesdayAt(10));
        choose(ui, "Wöchentlich am Mittwoch");
        ui.test(ui.find(IntegerField.class).withId("repeat-count").last()).setValue(6);
        assertThat(ui.find(Span.class).withId("repeat-summary").last().getText()).isEqualTo("Wöchentlich am Mittwoch, 6-mal");
        assertThat(ui.find(Span.class).withId("repeat-preview-headline").last().getText())
                .isEqualTo("Alle 6 Termine sind frei");
        assertThat(ui.find(IntegerField.class).withId("repeat-count").last().getLabel()).isEqualTo("Anzahl der Termine");
    }
}
