package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administration screens in a real browser (headless Chromium) at a desktop's 1440 px and a phone's
 * 390 px: nothing scrolls sideways, neither the page nor a list, and the actions stay on screen.
 * Screenshots go to target/screenshots/admin-*.png.
 */
class AdministrationLayoutIT extends IntegrationTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static final List<String> SCREENS = List.of("admin/resources", "admin/users", "admin/blackouts", "admin/webhooks",
            "admin/outlook");
    private final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    WebDriver browser(String windowSize) {
        WebDriver driver = Chromium.open(windowSize, null, "en-GB");
        browsers.add(driver);
        return driver;
    }

    String base() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    static WebDriverWait waitUpTo(WebDriver browser, int seconds) {
        return Chromium.waitUpTo(browser, seconds);
    }

    void signInAsAdmin(WebDriver browser) {
        browser.get(base() + "/login");
        waitUpTo(browser, 30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys("admin");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']"))
                .sendKeys(ADMIN_PASSWORD, Keys.ENTER);
        waitUpTo(browser, 30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-app-layout")));
    }

    void screenshot(WebDriver browser, String name) throws IOException {
        Chromium.screenshot(browser, name);
    }

    /**
     * What scrolls sideways: the page, or a grid whose columns are wider than it (empty when nothing does).
     */
    static List<String> sidewaysScrolling(WebDriver browser) {
        Object found = ((JavascriptExecutor) browser).executeScript("""
                const out = [];
                const page = document.scrollingElement;
                if (page.scrollWidth > window.innerWidth + 1) out.push('page ' + page.scrollWidth + ' > ' + window.innerWidth);
                for (const grid of document.querySelectorAll('vaadin-grid')) {
                  const table = grid.shadowRoot && grid.shadowRoot.querySelector('#table');
                  if (table && table.scrollWidth > table.clientWidth + 1)
                    out.push('grid #' + grid.id + ' ' + table.scrollWidth + ' > ' + table.clientWidth);
                  if (grid.getBoundingClientRect().right > window.innerWidth + 1) out.push('grid #' + grid.id + ' off screen');
                }
                return out;""");
        List<String> problems = new ArrayList<>();
        ((List<?>) found).forEach(p -> problems.add(String.valueOf(p)));
        return problems;
    }

    @Test
    void the_administration_screens_fit_a_desktop_and_a_phone_without_sideways_scrolling() throws Exception {
        String name = unique("Layout hall with a rather long name");
        http.post("/api/resources", adminToken, Map.of("name", name, "capacity", 10, "timeZone", "Europe/Berlin"));
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Map.Entry<String, String> size : Map.of("1440", "1440,900", "390", "390,844").entrySet()) {
            WebDriver browser = browser(size.getValue());
            if (size.getKey().equals("390")) {
                // a desktop Chromium keeps its window at least 500 px wide: a phone's viewport is emulated
                ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390,
                        "height", 844, "deviceScaleFactor", 1, "mobile", true));
            }
            signInAsAdmin(browser);
            for (String screen : SCREENS) {
                browser.get(base() + "/" + screen);
                waitUpTo(browser, 15).until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("vaadin-app-layout h2")));
                // let the grids lay out their columns (and hide the secondary ones on a phone)
                Thread.sleep(700);
                problems.put(screen + " at " + size.getKey(), sidewaysScrolling(browser));
                screenshot(browser, screen.replace('/', '-') + "-" + size.getKey());
            }
        }
        problems.values().removeIf(List::isEmpty);
        assertThat(problems).as("sideways scrolling by screen and width").isEmpty();
    }
}
