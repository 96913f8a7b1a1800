package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The administration screens in a real browser (headless Chromium) at a desktop's 1440 px and a phone's
 * 390 px: nothing scrolls sideways, neither the page nor a list, and the actions stay on screen.
 * Screenshots go to target/screenshots/admin-*.png.
 */
class AdministrationLayoutIT extends BrowserTest {
    static final List<String> SCREENS = List.of("admin/resources", "admin/users", "admin/blackouts", "admin/webhooks",
            "admin/outlook");

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
            WebDriver browser = size.getKey().equals("390") ? phone() : browser(size.getValue());
            signIn(browser, "admin", ADMIN_PASSWORD);
            for (String screen : SCREENS) {
                openView(browser, screen);
                // the grids lay out their columns (and hide the secondary ones on a phone, a round trip)
                Chromium.waitUntilStill(browser, screen + " at " + size.getKey() + " px",
                        "vaadin-grid, vaadin-grid-cell-content");
                problems.put(screen + " at " + size.getKey(), sidewaysScrolling(browser));
                Chromium.screenshot(browser, screen.replace('/', '-') + "-" + size.getKey());
            }
        }
        problems.values().removeIf(List::isEmpty);
        assertThat(problems).as("sideways scrolling by screen and width").isEmpty();
    }
}
