package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import io.aura.app.IntegrationTest;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.ui.booking.CalendarView;
import io.aura.ui.booking.MyBookingsView;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The waitlist in the web UI (ADR 0036), without a browser: offered where a slot is taken, listed, left. */
class WaitlistViewsIT extends IntegrationTest {
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

    /** Opens the request form on {@code room} for the hour at {@code at}, titled; answers the form's live part. */
    Div requestForm(BrowserlessUIContext ui, String room, LocalDateTime at, String title) {
        ui.navigate(CalendarView.class);
        ui.test(ui.find(Button.class).withId("new-booking").single()).click();
        @SuppressWarnings("unchecked")
        ComboBox<ResourceView> picker = ui.find(ComboBox.class).withId("request-resource").last();
        ui.test(picker).selectItem(ui.test(picker).getSuggestions().stream().filter(s -> s.startsWith(room))
                .findFirst().orElseThrow());
        ui.test(ui.find(TextField.class).withId("request-title").last()).setValue(title);
        ui.find(DateTimePicker.class).withId("request-start").last().setValue(at);
        ui.find(DateTimePicker.class).withId("request-end").last().setValue(at.plusHours(1));
        return ui.find(Div.class).withId("request-live").last();
    }

    @Test
    void a_taken_slot_offers_the_waitlist_my_bookings_lists_the_entry_with_its_place_and_leave_takes_it_off() {
        String room = unique("Snug");
        assertThat(http.post("/api/resources", adminToken, Map.of("name", room, "capacity", 4, "timeZone",
                "Europe/Berlin")).status()).isEqualTo(201);
        String holder = unique("wlh");
        userWithRoles(holder, "REQUESTER");
        String waiter = unique("wlw");
        String waiterToken = userWithRoles(waiter, "REQUESTER");
        LocalDateTime at = LocalDateTime.now().truncatedTo(ChronoUnit.HOURS).plusDays(3).withHour(10);

        BrowserlessUIContext holding = vaadin.newUser(holder, new String[] {"REQUESTER"}).newWindow();
        Div free = requestForm(holding, room, at, "Held");
        assertThat(joinButtons(free)).isEmpty(); // a free slot offers no waitlist
        holding.test(holding.find(Button.class).withId("request-submit").single()).click();

        BrowserlessUIContext waiting = vaadin.newUser(waiter, new String[] {"REQUESTER"}).newWindow();
        Div live = requestForm(waiting, room, at, "Wanted");
        assertThat(live.getElement().getTextRecursively()).contains("taken");
        waiting.test(waiting.find(Button.class, live).withId("request-join-waitlist").single()).click();
        assertThat(waiting.test(waiting.find(Notification.class).last()).getText())
                .startsWith("You are on the waitlist, number 1 in line.");
        assertThat(http.get("/api/waitlist", waiterToken).body().get(0).get("status").asString()).isEqualTo("WAITING");

        waiting.navigate(MyBookingsView.class);
        Div mine = waiting.find(Div.class).withId("my-waitlist").single();
        assertThat(mine.isVisible()).isTrue();
        assertThat(mine.getElement().getTextRecursively()).contains("Wanted", room, "waiting, number 1 in line");
        waiting.test(waiting.find(Button.class, mine).withClassName("leave-waitlist").single()).click();

        assertThat(http.get("/api/waitlist", waiterToken).body().size()).isZero();
        assertThat(mine.isVisible()).isFalse();
    }

    private static java.util.List<Button> joinButtons(Div live) {
        return live.getChildren().filter(c -> c.getId().filter("request-join-waitlist"::equals).isPresent())
                .map(Button.class::cast).toList();
    }
}
