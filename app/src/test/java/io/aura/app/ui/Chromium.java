package io.aura.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' browser: headless Chromium from Debian's package driven through Debian's chromedriver (no
 * download, no Selenium Manager), and what those tests ask of a page (screenshots, axe, sideways scrolling, focus,
 * waiting for the server and for a layout to hold still). Signing in and our pages' forms: {@link BrowserTest}.
 */
public final class Chromium {
    /** Where screenshots go (docs/screenshots takes its pictures from here). */
    static final Path SHOTS = Path.of("target", "screenshots");

    private Chromium() {}

    /**
     * A browser of {@code windowSize} ("1440,900"), its clock in {@code timeZone} (null: this machine's), asking
     * for {@code language} ("en-GB", "de-DE").
     */
    public static ChromeDriver open(String windowSize, String timeZone, String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + windowSize,
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService.Builder service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort();
        if (timeZone != null) {
            service.withEnvironment(Map.of("TZ", timeZone));
        }
        return new ChromeDriver(service.build(), options);
    }

    /**
     * A phone's screen of {@code width} × {@code height}, as DevTools emulates it: a desktop Chromium keeps its
     * window at least 500 px wide.
     */
    static void emulatePhone(ChromeDriver driver, int width, int height) {
        Map<String, Object> metrics = new HashMap<>();
        metrics.put("width", width);
        metrics.put("height", height);
        metrics.put("deviceScaleFactor", 1);
        metrics.put("mobile", true);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
    }


    /**
     * Elements, open shadow roots included, whose content is wider than they are and who let it scroll sideways,
     * and the page itself; each as "tag#id.class (content/visible px)".
     */
    static final String SIDEWAYS_SCROLLERS = """
            const found = [];
            const page = document.scrollingElement;
            if (page.scrollWidth > page.clientWidth + 1) {
              found.push('page (' + page.scrollWidth + '/' + page.clientWidth + ')');
            }
            const walk = root => root.querySelectorAll('*').forEach(e => {
              const style = getComputedStyle(e);
              if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && e.clientWidth > 0
                  && e.scrollWidth > e.clientWidth + 1) {
                found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ')[0] : '')
                    + (root instanceof ShadowRoot ? ' in ' + root.host.tagName.toLowerCase() : '')
                    + ' (' + e.scrollWidth + '/' + e.clientWidth + ')');
              }
              if (e.shadowRoot) { walk(e.shadowRoot); }
            });
            walk(document);
            return found;""";

    /** What scrolls sideways on the page (see {@link #SIDEWAYS_SCROLLERS}); empty when nothing does. */
    @SuppressWarnings("unchecked")
    static List<String> sidewaysScrollers(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(SIDEWAYS_SCROLLERS);
    }

    public static WebDriverWait waitUpTo(WebDriver browser, int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    public static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** The id of what has focus, looking through shadow roots (a Vaadin field's input is inside its host). */
    static String focusedId(WebDriver browser) {
        return String.valueOf(js(browser,
                "let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) "
                + "{ e = e.shadowRoot.activeElement; } return e && (e.id || (e.closest && e.closest('[id]') "
                + "&& e.closest('[id]').id));"));
    }

    /** Whether the page has no request to the server under way (what a user's last action set off is done). */
    static boolean serverIdle(WebDriver browser) {
        return Boolean.TRUE.equals(js(browser, "const c = window.Vaadin && window.Vaadin.Flow"
                + " && window.Vaadin.Flow.clients; return !!c && Object.values(c).every(x => !x.isActive || !x.isActive())"));
    }

    /** Waits until the page has no request to the server under way. */
    public static void settled(WebDriver browser) {
        waitUpTo(browser, 15).withMessage("a request to the server was still under way").until(Chromium::serverIdle);
    }

    /**
     * The boxes (rounded, with their scroll offsets) of the elements {@code arguments[0]} selects, as one string:
     * what moves when a grid lays out its columns, a calendar measures itself or scrolls its hours.
     */
    private static final String BOXES = """
            return Array.from(document.querySelectorAll(arguments[0])).map(e => {
              const r = e.getBoundingClientRect();
              return [r.left, r.top, r.right, r.bottom, e.scrollLeft, e.scrollTop].map(Math.round).join(',');
            }).join(' ');""";

    /**
     * Waits until what {@code selector} selects holds still: no request to the server under way, and the same
     * boxes on three looks 100 ms apart. For checks of a layout that settles by itself after the page appears
     * (a grid laying out its columns, FullCalendar measuring itself, a scroll to a booking).
     */
    static void waitUntilStill(WebDriver browser, String what, String selector) {
        List<Object> looks = new ArrayList<>();
        waitUpTo(browser, 10).pollingEvery(Duration.ofMillis(100))
                .withMessage(what + ": '" + selector + "' kept moving, or a request to the server stayed under way")
                .until(d -> {
                    Object boxes = serverIdle(d) ? js(d, BOXES, selector) : null;
                    if (boxes == null || !looks.isEmpty() && !looks.getLast().equals(boxes)) {
                        looks.clear();
                    }
                    if (boxes != null) {
                        looks.add(boxes);
                    }
                    return looks.size() >= 3;
                });
    }

    public static void screenshot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deque's axe rules for WCAG 2 A and AA on the whole page: the serious and critical findings. */
    static List<String> accessibilityProblems(WebDriver browser) throws IOException {
        return accessibilityProblems(browser, "document");
    }

    /**
     * Deque's axe rules for WCAG 2 A and AA, run in the page (shadow DOM included) on {@code context} (a script
     * expression: "document", or an element), the serious and critical findings.
     */
    static List<String> accessibilityProblems(WebDriver browser, String context) throws IOException {
        String axe;
        try (var in = Chromium.class.getResourceAsStream("/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object found = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(" + context + ", {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' > '))"
                + ".join(' | '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        List<String> problems = new ArrayList<>();
        ((List<?>) found).forEach(p -> problems.add(String.valueOf(p)));
        return problems;
    }
}
