package io.aura.app.ui;

import static io.aura.app.ui.Chromium.accessibilityProblems;
import static io.aura.app.ui.Chromium.focusedId;
import static io.aura.app.ui.Chromium.screenshot;
import static io.aura.app.ui.Chromium.waitUpTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The shell from the keyboard, in a real browser (headless Chromium, as UiJourneyIT): a skip link is the
 * first thing Tab reaches and takes focus past the header and the navigation, so "New booking" is at
 * most three Tabs from a fresh calendar; axe finds nothing serious in the shell; a German user's shell
 * is German and fits a phone's width.
 */
class KeyboardIT extends BrowserTest {
    /** What axe checks of a signed-in page here: the shell, without the view inside it (each view's own test checks it). */
    static final String SHELL = "{exclude: [['vaadin-app-layout > :not([slot])']]}";

    @Test
    void the_skip_link_comes_first_and_new_booking_is_three_tabs_from_a_fresh_calendar() throws Exception {
        String requester = unique("keys");
        userWithRoles(requester, "REQUESTER");
        WebDriver browser = browser("1440,900");
        Map<String, List<String>> problems = new LinkedHashMap<>();
        browser.get(base() + "/login");
        waitUpTo(browser, 30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-login-form input[name='username']")));
        problems.put("sign-in", accessibilityProblems(browser));
        signIn(browser, requester);
        problems.put("calendar", accessibilityProblems(browser, SHELL));
        // a fresh page: focus on nothing, as after a page load
        browser.navigate().refresh();
        waitForCalendar(browser);
        ((JavascriptExecutor) browser).executeScript("document.activeElement && document.activeElement.blur()");

        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(focusedId(browser)).as("the first Tab").isEqualTo("skip-to-content");
        assertThat(browser.findElement(By.id("skip-to-content")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("skip-to-content")).getText()).isEqualTo("Skip to main content");
        screenshot(browser, "skip-link");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        int tabs = 1;
        while (!"new-booking".equals(focusedId(browser)) && tabs < 10) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            tabs++;
        }
        assertThat(focusedId(browser)).isEqualTo("new-booking");
        assertThat(tabs).as("Tabs from page load to New booking (the skip link's Enter between)").isLessThanOrEqualTo(3);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitUpTo(browser, 15).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#request-title input")));

        problems.values().removeIf(List::isEmpty);
        assertThat(problems).as("serious or critical WCAG 2.1 A/AA findings in the shell").isEmpty();
    }

    @Test
    void a_german_users_shell_is_german_passes_axe_and_fits_a_phone() throws Exception {
        String name = unique("tastatur");
        String token = userWithRoles(name, "REQUESTER", "APPROVER");
        assertThat(http.put("/api/users/me/language", token, Map.of("language", "de")).status()).isEqualTo(200);
        // a phone's width for the page (a headless window is never narrower than 500 px)
        WebDriver phone = phone();
        signIn(phone, name);

        waitUpTo(phone, 15).until(d -> d.findElement(By.id("sign-out")).getText().equals("Abmelden"));
        assertThat(phone.findElement(By.id("skip-to-content")).getAttribute("textContent"))
                .isEqualTo("Zum Inhalt springen");
        assertThat((Boolean) ((JavascriptExecutor) phone).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("the page does not scroll sideways at 390 px").isTrue();
        assertThat(((Number) ((JavascriptExecutor) phone).executeScript("return window.innerWidth")).intValue())
                .isEqualTo(390);
        screenshot(phone, "shell-german-phone");
        List<String> problems = accessibilityProblems(phone, SHELL);
        assertThat(problems).as("serious or critical WCAG 2.1 A/AA findings in the German shell").isEmpty();

        WebDriver desk = browser("1440,900");
        signIn(desk, name);
        waitUpTo(desk, 15).until(d -> d.findElement(By.cssSelector("vaadin-side-nav")).getText().contains("Kalender"));
        assertThat(desk.findElement(By.cssSelector("vaadin-app-layout")).getText()).contains("Meine Buchungen",
                "Genehmigungen", "Abmelden").doesNotContain("My bookings", "Sign out");
        screenshot(desk, "shell-german");
    }
}
