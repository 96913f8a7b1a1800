package io.aura.app.ui;

import static io.aura.app.ui.Chromium.waitUpTo;

import io.aura.app.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests share against the running application: browsers that close after each test, the
 * server's address, signing in, opening a view, and filling our forms and reading our calendar as a user would.
 * The browser itself and what a test measures in a page are {@link Chromium}'s.
 */
abstract class BrowserTest extends IntegrationTest {
    private final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    /** A desktop browser (1400 × 1000) asking for British English, its clock this machine's. */
    ChromeDriver browser() {
        return browser("1400,1000");
    }

    ChromeDriver browser(String windowSize) {
        return browser(windowSize, null);
    }

    /** A browser whose clock runs in {@code timeZone} (null: this machine's). */
    ChromeDriver browser(String windowSize, String timeZone) {
        return browser(windowSize, timeZone, "en-GB");
    }

    /** See {@link Chromium#open}; closed after the test. */
    ChromeDriver browser(String windowSize, String timeZone, String language) {
        ChromeDriver driver = Chromium.open(windowSize, timeZone, language);
        browsers.add(driver);
        return driver;
    }

    /** A phone's screen of 390 × 844 as DevTools emulates it (a desktop window is at least 500 px wide). */
    ChromeDriver phone() {
        return phone(null);
    }

    ChromeDriver phone(String timeZone) {
        ChromeDriver driver = browser("390,844", timeZone);
        Chromium.emulatePhone(driver, 390, 844);
        return driver;
    }

    String base() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    void signIn(WebDriver browser, String username) {
        signIn(browser, username, username + "-password-1");
    }

    /** Signs in on the sign-in page and waits for the calendar; a failure leaves the page's HTML and picture. */
    void signIn(WebDriver browser, String username, String password) {
        browser.get(base() + "/login");
        WebDriverWait wait = waitUpTo(browser, 30);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")))
                .sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']"))
                .sendKeys(password, Keys.ENTER);
        try {
            waitForCalendar(browser);
        } catch (RuntimeException e) {
            try {
                Files.createDirectories(Chromium.SHOTS);
                Files.writeString(Chromium.SHOTS.resolve("failed-" + username + ".html"), browser.getPageSource());
                Chromium.screenshot(browser, "failed-" + username);
            } catch (IOException ignored) {
                // the original failure matters more
            }
            throw e;
        }
    }

    /** Opens the view at {@code path} ("admin/users"; "" for the calendar) and waits until it shows its heading. */
    void openView(WebDriver browser, String path) {
        browser.get(base() + "/" + path);
        waitUpTo(browser, 20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-app-layout h2")));
        // the live views draw their rows right after attaching
        waitUpTo(browser, 5).until(d -> "complete".equals(Chromium.js(d, "return document.readyState")));
    }

    /** Waits until the calendar has drawn its first view. */
    static void waitForCalendar(WebDriver browser) {
        waitUpTo(browser, 30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar .fc-view")));
    }

    static void type(WebDriver browser, String fieldId, String text) {
        By field = By.cssSelector("#" + fieldId + " input");
        // a long form scrolls its own box: a field above the part in view is not "visible" to Selenium until shown
        Chromium.js(browser, "arguments[0].scrollIntoView({block: 'center'})",
                waitUpTo(browser, 10).until(ExpectedConditions.presenceOfElementLocated(field)));
        WebElement input = waitUpTo(browser, 10).until(ExpectedConditions.elementToBeClickable(field));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    /** Types into a combo box and clicks the item whose label starts with {@code label}. */
    static void choose(WebDriver browser, String fieldId, String itemTag, String label) {
        type(browser, fieldId, label);
        waitUpTo(browser, 10).until(d -> d.findElements(By.cssSelector(itemTag)).stream()
                .filter(item -> item.getText().startsWith(label)).findFirst().map(item -> {
                    item.click();
                    return true;
                }).orElse(false));
    }

    /** Scrolls the element to the middle of the window first (a long form puts it below the fold). */
    static void click(WebDriver browser, String id) {
        WebElement element = browser.findElement(By.id(id));
        Chromium.js(browser, "arguments[0].scrollIntoView({block: 'center'})", element);
        waitUpTo(browser, 10).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Moves the calendar to the day or week that holds {@code day}. */
    static void goTo(WebDriver browser, Instant day) {
        Chromium.js(browser, "document.getElementById('calendar')._cal.gotoDate(arguments[0])", day.toString());
    }

    /** Sets the request form's start and end as a user picking them would (the browser's local time). */
    static void when(WebDriver browser, Instant start, Instant end) {
        pick(browser, "request", start, end, ZoneId.systemDefault());
    }

    /** Sets the date-time pickers {@code form}-start and {@code form}-end to these instants as seen in {@code zone}. */
    static void pick(WebDriver browser, String form, Instant start, Instant end, ZoneId zone) {
        for (var field : Map.of(form + "-start", start, form + "-end", end).entrySet()) {
            String local = field.getValue().atZone(zone).toLocalDateTime().toString();
            // the picker reports a user's edit to the server on its change event
            Chromium.js(browser, "const p = document.getElementById(arguments[0]); p.value = arguments[1];"
                    + "p.dispatchEvent(new CustomEvent('change', {bubbles: true}));", field.getKey(), local);
        }
    }

    /**
     * Takes a one-click slot in {@code room} from the request form's refusal: another time in the same room (the one
     * ranker may put the same time in another room first). The preview may draw its slots again between finding one
     * and clicking it, so it is found anew; a slot low in the form is scrolled to first, as a user would.
     */
    static void takeSlotIn(WebDriver browser, String room) {
        waitUpTo(browser, 10).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
                    return d.findElements(By.cssSelector("#request-live vaadin-button.suggestion")).stream()
                            .filter(b -> b.getText().contains(room)).findFirst().map(b -> {
                                Chromium.js(d, "arguments[0].scrollIntoView({block: 'center'})", b);
                                b.click();
                                return true;
                            }).orElse(false);
                });
    }

    /** The titles of the bookings the calendar draws, read in one go (FullCalendar redraws freely). */
    static boolean calendarShows(WebDriver browser, String text) {
        Object titles = Chromium.js(browser, "return Array.from(document.querySelectorAll("
                + "'#calendar .aura-booking')).map(e => e.textContent).join('\\n')");
        return Arrays.stream(String.valueOf(titles).split("\\n")).anyMatch(t -> t.contains(text));
    }
}
