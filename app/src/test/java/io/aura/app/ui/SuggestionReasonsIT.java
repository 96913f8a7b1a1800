package io.aura.app.ui;

import static io.aura.app.ui.Chromium.screenshot;
import static io.aura.app.ui.Chromium.waitUpTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A request the preview refuses offers free slots with one click each, and under each slot, visible, why the
 * ranker offers it (ADR 0054): in English for a person who asked for English, in German for one who asked for
 * German, on a desktop and on a phone. Screenshots: target/screenshots/reasons-*.png.
 */
class SuggestionReasonsIT extends BrowserTest {
    String room;
    Instant taken;

    @BeforeEach
    void aRoomWhoseThursdayElevenIsTaken() {
        room = unique("Reasons room");
        var created = http.post("/api/resources", adminToken, Map.of("name", room, "capacity", 10, "timeZone",
                "Europe/Berlin"));
        assertThat(created.status()).isEqualTo(201);
        taken = ZonedDateTime.now(ZoneId.of("Europe/Berlin")).with(TemporalAdjusters.next(DayOfWeek.THURSDAY))
                .plusWeeks(1).truncatedTo(ChronoUnit.DAYS).withHour(11).toInstant();
        String other = unique("rsnother");
        String token = userWithRoles(other, "REQUESTER");
        assertThat(http.post("/events/create", token, Map.of("title", "Taken", "resourceId",
                created.body().get("id").asString(), "start", taken.toString(), "end",
                taken.plus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(201);
    }

    /** Signs in, asks for the taken hour in the room and answers each one-click slot's reasons in this room. */
    List<String> reasonsOfferedIn(WebDriver browser) {
        String requester = unique("rsn");
        userWithRoles(requester, "REQUESTER");
        signIn(browser, requester);
        click(browser, "new-booking");
        type(browser, "request-title", "Retro");
        choose(browser, "request-resource", "vaadin-combo-box-item", room);
        when(browser, taken, taken.plus(1, ChronoUnit.HOURS));
        waitUpTo(browser, 15).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#request-live vaadin-button.suggestion")));
        // the preview may draw its slots again while they are read: read them anew until they hold still
        return waitUpTo(browser, 10).ignoring(StaleElementReferenceException.class).until(d -> {
            List<String> reasons = d.findElements(By.cssSelector("#request-live .aura-suggestion")).stream()
                    .filter(s -> s.findElement(By.cssSelector("vaadin-button.suggestion")).getText().contains(room))
                    .map(s -> s.findElements(By.cssSelector(".suggestion-reasons")))
                    .map(r -> r.isEmpty() ? "" : visibleText(r.get(0))).toList();
            return reasons.isEmpty() ? null : reasons;
        });
    }

    static String visibleText(WebElement e) {
        return e.isDisplayed() ? e.getText() : "";
    }

    @Test
    void a_refused_requests_slots_say_why_they_are_offered_in_english_on_a_desktop_and_on_a_phone() throws Exception {
        WebDriver desk = browser("1440,1000");
        List<String> reasons = reasonsOfferedIn(desk);

        assertThat(reasons).as("each slot in the room, its reasons under it").allSatisfy(line -> assertThat(line)
                .contains("seats 10 for 1 attendee").doesNotContain("free, buffers included"));
        assertThat(reasons).anySatisfy(line -> assertThat(line)
                .contains("within working hours (Mon–Fri 08:00–18:00, Europe/Berlin)"));
        Chromium.js(desk, "document.getElementById('request-live').scrollIntoView({block: 'start'})");
        screenshot(desk, "reasons-desktop-en");

        WebDriver phone = phone();
        assertThat(reasonsOfferedIn(phone)).allSatisfy(line -> assertThat(line).contains("seats 10 for 1 attendee"));
        Chromium.js(phone, "document.getElementById('request-live').scrollIntoView({block: 'start'})");
        screenshot(phone, "reasons-phone-en");
        assertThat(PhoneLayoutIT.sidewaysScrollers(phone, "vaadin-dialog, vaadin-dialog-overlay"))
                .as("the slots and their reasons at 390 px").isEmpty();
    }

    @Test
    void a_german_user_reads_the_same_reasons_in_german() throws Exception {
        WebDriver desk = browser("1440,1000", null, "de-DE");
        List<String> reasons = reasonsOfferedIn(desk);

        assertThat(reasons).allSatisfy(line -> assertThat(line).contains("10 Plätze für 1 Person")
                .doesNotContain("seats", "attendee", "working hours"));
        assertThat(reasons).anySatisfy(line -> assertThat(line)
                .contains("in der Arbeitszeit (Mo–Fr 08:00–18:00, Europe/Berlin)"));
        Chromium.js(desk, "document.getElementById('request-live').scrollIntoView({block: 'start'})");
        screenshot(desk, "reasons-desktop-de");
    }
}
