package io.aura.app.ui;

import static io.aura.app.ui.Chromium.js;
import static io.aura.app.ui.Chromium.screenshot;
import static io.aura.app.ui.Chromium.settled;
import static io.aura.app.ui.Chromium.waitUpTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The recurrence editor in a real browser on a phone-sized screen (390 px): chosen with the keyboard,
 * its inputs, summary and preview within the width, nothing scrolling sideways. Screenshots go to
 * target/screenshots (repeat-editor-phone-choices.png, repeat-editor-phone.png).
 */
class RepeatEditorBrowserIT extends BrowserTest {
    /** The menu item that has the keyboard focus, or "" when none has. */
    static String focusedItem(WebDriver browser) {
        return String.valueOf(js(browser, "const a = document.activeElement;"
                + "return a && a.tagName === 'VAADIN-SELECT-ITEM' ? a.textContent.trim() : ''"));
    }

    /** An element's text read in one go (Vaadin may replace it while it is read). */
    static String text(WebDriver browser, String id) {
        return String.valueOf(js(browser, "const e = document.getElementById(arguments[0]); return e ? e.textContent : ''",
                id));
    }

    @Test
    void on_a_phone_the_editor_is_chosen_with_the_keyboard_and_fits_without_sideways_scrolling() throws IOException {
        String requester = unique("repb");
        userWithRoles(requester, "REQUESTER");
        String room = unique("Gallery");
        assertThat(http.post("/api/resources", adminToken, Map.of("name", room, "capacity", 8, "timeZone",
                "Europe/Berlin")).status()).isEqualTo(201);
        // a date of its own: the coming Wednesday two weeks on, 16:00 in Berlin
        Instant start = ZonedDateTime.now(ZoneId.of("Europe/Berlin")).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
                .plusWeeks(2).truncatedTo(ChronoUnit.DAYS).withHour(16).toInstant();

        WebDriver phone = browser("390,844");
        signIn(phone, requester);
        WebDriverWait wait = waitUpTo(phone, 30);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-booking"))).click();

        WebElement title = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#request-title input")));
        title.sendKeys("Sketching");
        choose(phone, "request-resource", "vaadin-combo-box-item", room);
        when(phone, start, start.plus(1, ChronoUnit.HOURS));

        // the menu with the keyboard alone: Enter opens it, the arrow keys move to "Weekly on …", Enter takes it;
        // neither Enter presses the form's Book (its Enter shortcut): nothing is booked, the form stays open
        long before = storedEvents();
        settled(phone);
        // (focused as a Tab would: the dialog may still be placing its own focus, so until it holds)
        wait.until(d -> Boolean.TRUE.equals(js(d, "const s = document.getElementById('repeat-choice');"
                + "if (!s.hasAttribute('focused')) { s.scrollIntoView({block: 'center'}); s.focus(); }"
                + "return s.hasAttribute('focused')")));
        Actions keys = new Actions(phone);
        keys.sendKeys(Keys.ENTER).perform();
        wait.until(d -> focusedItem(d).equals("Does not repeat"));
        for (int i = 0; i < 5 && !focusedItem(phone).startsWith("Weekly on"); i++) {
            String was = focusedItem(phone);
            keys.sendKeys(Keys.ARROW_DOWN).perform();
            wait.until(d -> !focusedItem(d).equals(was));
        }
        keys.sendKeys(Keys.ENTER).perform();
        try {
            wait.until(d -> text(d, "repeat-summary").equals("Weekly on Wednesday, 10 times"));
            wait.until(d -> text(d, "repeat-preview-headline").equals("All 10 dates are free"));
        } catch (RuntimeException e) {
            screenshot(phone, "repeat-editor-phone-failed");
            throw e;
        }

        // every input labelled (the day toggles, the interval, how it ends, the count)
        for (String id : List.of("repeat-choice", "repeat-interval", "repeat-days", "repeat-ends", "repeat-count")) {
            assertThat(js(phone, "return document.getElementById(arguments[0]).label", id)).as(id).asString().isNotBlank();
        }
        assertThat(phone.findElements(By.id("request-submit"))).as("the form is still open").isNotEmpty();
        assertThat(storedEvents()).as("nothing booked by the Enter keys").isEqualTo(before);
        js(phone, "document.getElementById('repeat-choice').scrollIntoView({block: 'start'})");
        screenshot(phone, "repeat-editor-phone-choices");
        js(phone, "document.getElementById('repeat-preview').scrollIntoView({block: 'end'})");
        screenshot(phone, "repeat-editor-phone");

        // nothing of the editor reaches past the screen's right edge, and the page does not scroll sideways
        Number widest = (Number) js(phone, "const e = document.getElementById('request-recurrence');"
                + "return Math.max(...[e, ...e.querySelectorAll('*')].map(x => x.getBoundingClientRect().right));");
        Number window = (Number) js(phone, "return window.innerWidth");
        assertThat(widest.doubleValue()).as("the editor's right edge").isLessThanOrEqualTo(window.doubleValue());
        assertThat(((Number) js(phone, "return document.documentElement.scrollWidth")).doubleValue())
                .isLessThanOrEqualTo(window.doubleValue());
    }
}
