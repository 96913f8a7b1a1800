package io.aura.app.ui;

import static io.aura.app.ui.Chromium.screenshot;
import static io.aura.app.ui.Chromium.waitUpTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole scenario once in German, in browsers that ask for German: an administrator sets up the
 * users and a room in the UI; the requester books, hits a conflict, takes a suggestion and books a weekly
 * series with the editor; the approver decides in the inbox. On every page passed on the way, no text the
 * English bundles hold (and German words differently) is shown.
 */
class GermanJourneyIT extends BrowserTest {
    private final Map<String, List<String>> englishSeen = new LinkedHashMap<>();

    WebDriver germanBrowser() {
        return browser("1440,1000", null, "de-DE");
    }

    /** English texts of every bundle whose German differs (so "Webhooks", the same in both, is not one). */
    static Set<String> englishOnlyTexts() throws IOException {
        Set<String> english = new TreeSet<>();
        for (String feature : io.aura.ui.AuraTranslations.FEATURES) {
            Properties en = load("/i18n/" + feature + ".properties");
            Properties de = load("/i18n/" + feature + "_de.properties");
            en.stringPropertyNames().stream().filter(key -> !en.getProperty(key).equals(de.getProperty(key)))
                    .map(en::getProperty).filter(text -> !text.contains("{") && text.length() > 3)
                    .forEach(english::add);
        }
        return english;
    }

    static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = GermanJourneyIT.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Notes each line of the page (shadow roots' slotted text included) that is an English-only text. */
    void noEnglishOn(WebDriver browser, String page) throws IOException {
        Object text = ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
        Set<String> english = englishOnlyTexts();
        List<String> seen = String.valueOf(text).lines().map(String::strip).filter(english::contains).toList();
        if (!seen.isEmpty()) {
            englishSeen.put(page, seen);
        }
    }

    static Instant comingThursdayElevenInBerlin() {
        return ZonedDateTime.now(ZoneId.of("Europe/Berlin")).with(TemporalAdjusters.next(DayOfWeek.THURSDAY))
                .plusWeeks(1).truncatedTo(ChronoUnit.DAYS).withHour(11).toInstant();
    }

    @Test
    void an_administrator_sets_up_a_requester_books_with_a_conflict_and_a_series_and_an_approver_decides_in_german()
            throws Exception {
        String approver = unique("deapp");
        String requester = unique("dereq");
        String room = unique("Besprechungsraum");

        // the administrator creates both people and the room, in German
        WebDriver root = germanBrowser();
        signIn(root, "admin", ADMIN_PASSWORD);
        root.get(base() + "/admin/users");
        for (String[] person : List.of(new String[] {approver, "APPROVER"}, new String[] {requester, null})) {
            // the form empties itself after a creation: typing before that lands in a field about to be cleared
            waitUpTo(root, 10).until(d -> "".equals(Chromium.js(d,
                    "const f = document.querySelector('#user-name'); return f ? f.value : null")));
            type(root, "user-name", person[0]);
            type(root, "user-password", person[0] + "-password-1");
            if (person[1] != null) {
                ((JavascriptExecutor) root).executeScript("Array.from(document.querySelectorAll('#user-roles "
                        + "vaadin-checkbox')).find(c => c.textContent.includes(arguments[0])).click()", person[1]);
            }
            click(root, "user-create");
            try {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                        http.get("/api/users", adminToken).body().toString().contains("\"" + person[0] + "\""));
            } catch (RuntimeException e) {
                screenshot(root, "de-failed-user-create");
                throw e;
            }
        }
        noEnglishOn(root, "admin/users");
        root.get(base() + "/admin/resources");
        waitUpTo(root, 15).until(ExpectedConditions.presenceOfElementLocated(By.id("admin-name")));
        type(root, "admin-name", room);
        type(root, "admin-capacity", "10");
        choose(root, "admin-zone", "vaadin-combo-box-item", "Europe/Berlin");
        ((JavascriptExecutor) root).executeScript("document.getElementById('admin-approval').checked = true;"
                + "document.getElementById('admin-approval').dispatchEvent(new CustomEvent('change', {bubbles: true}))");
        type(root, "admin-approvers", approver);
        click(root, "admin-save");
        waitUpTo(root, 10).until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().contains(room + " angelegt")));
        noEnglishOn(root, "admin/resources");
        screenshot(root, "de-admin-resources");

        // the requester books the room; the same slot again is refused while typing, a suggestion is taken
        WebDriver anna = germanBrowser();
        signIn(anna, requester, requester + "-password-1");
        noEnglishOn(anna, "calendar");
        Instant slot = comingThursdayElevenInBerlin();
        click(anna, "new-booking");
        type(anna, "request-title", "Planung");
        choose(anna, "request-resource", "vaadin-combo-box-item", room);
        when(anna, slot, slot.plus(1, ChronoUnit.HOURS));
        noEnglishOn(anna, "request form");
        click(anna, "request-submit");
        goTo(anna, slot);
        waitUpTo(anna, 15).until(d -> calendarShows(d, "Planung (wartet)"));

        click(anna, "new-booking");
        type(anna, "request-title", "Nachbesprechung");
        choose(anna, "request-resource", "vaadin-combo-box-item", room);
        when(anna, slot, slot.plus(1, ChronoUnit.HOURS));
        waitUpTo(anna, 10).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#request-live vaadin-button.suggestion")));
        assertThat(anna.findElement(By.id("request-submit")).getAttribute("disabled")).as("Book, while taken").isNotNull();
        noEnglishOn(anna, "request form, refused");
        screenshot(anna, "de-request-suggestions");
        takeSlotIn(anna, room);
        waitUpTo(anna, 10).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#request-live vaadin-button.suggestion")));
        click(anna, "request-submit");
        waitUpTo(anna, 15).until(d -> calendarShows(d, "Nachbesprechung (wartet)"));

        // a weekly series with the editor: "Wöchentlich am Donnerstag", four times, each date previewed free
        Instant seriesStart = slot.plus(5, ChronoUnit.HOURS);
        click(anna, "new-booking");
        type(anna, "request-title", "Jour fixe");
        choose(anna, "request-resource", "vaadin-combo-box-item", room);
        when(anna, seriesStart, seriesStart.plus(1, ChronoUnit.HOURS));
        click(anna, "repeat-choice");
        waitUpTo(anna, 10).until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.getText().startsWith("Wöchentlich")).findFirst().map(i -> {
                    i.click();
                    return true;
                }).orElse(false));
        type(anna, "repeat-count", "4");
        anna.findElement(By.cssSelector("#repeat-count input")).sendKeys(Keys.TAB);
        waitUpTo(anna, 10).until(d -> d.findElement(By.id("repeat-summary")).getText()
                .equals("Wöchentlich am Donnerstag, 4-mal"));
        waitUpTo(anna, 10).until(d -> d.findElement(By.id("repeat-preview-headline")).getText()
                .equals("Alle 4 Termine sind frei"));
        noEnglishOn(anna, "request form, series");
        screenshot(anna, "de-request-series");
        click(anna, "request-submit");
        waitUpTo(anna, 15).until(d -> calendarShows(d, "Jour fixe (wartet)"));

        // the approver approves the first request in the inbox; the requester's calendar changes by push
        WebDriver otto = germanBrowser();
        signIn(otto, approver, approver + "-password-1");
        otto.get(base() + "/inbox");
        waitUpTo(otto, 15).until(d -> d.findElement(By.id("approvals")).getText().contains("Planung"));
        noEnglishOn(otto, "inbox");
        screenshot(otto, "de-approvals");
        // (each request is one row: its details and its decision together)
        ((JavascriptExecutor) otto).executeScript("Array.from(document.querySelectorAll('#approvals .aura-approval'))"
                + ".find(r => r.querySelector('.aura-approval-subject').textContent.startsWith('Planung'))"
                + ".querySelector('vaadin-button.approve').click()");
        waitUpTo(anna, 15).until(d -> calendarShows(d, "Planung") && !calendarShows(d, "Planung (wartet)"));
        screenshot(anna, "de-calendar");

        anna.get(base() + "/bookings");
        waitUpTo(anna, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("upcoming-bookings")));
        noEnglishOn(anna, "my bookings");
        assertThat(englishSeen).as("English texts shown to people who asked for German, by page").isEmpty();
    }
}
