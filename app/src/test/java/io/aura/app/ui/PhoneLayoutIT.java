package io.aura.app.ui;

import static io.aura.app.ui.Chromium.screenshot;
import static io.aura.app.ui.Chromium.waitUpTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * My bookings and the request form on a phone (390 × 844, headless Chromium): nothing scrolls sideways, neither
 * the page nor anything inside it, and the screenshots under target/screenshots show what a person sees.
 */
class PhoneLayoutIT extends BrowserTest {
    /**
     * What scrolls sideways: the page, or any element (shadow roots included) that is wider inside than it shows
     * and lets its content scroll or spill; each named by tag, id and the two widths.
     */
    static List<String> sidewaysScrollers(WebDriver browser) {
        return sidewaysScrollers(browser, null);
    }

    /** As {@link #sidewaysScrollers(WebDriver)}, inside the page and the elements {@code within} selects only. */
    static List<String> sidewaysScrollers(WebDriver browser, String within) {
        Object found = ((JavascriptExecutor) browser).executeScript("""
                const out = [];
                const root = document.documentElement;
                if (root.scrollWidth > root.clientWidth) out.push('page ' + root.scrollWidth + '>' + root.clientWidth);
                const walk = node => {
                  for (const e of node.querySelectorAll('*')) {
                    const style = getComputedStyle(e);
                    const scrolls = ['auto', 'scroll'].includes(style.overflowX);
                    if (scrolls && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) {
                      // and what sticks out of it, so a failure says where to look
                      const right = e.getBoundingClientRect().right;
                      const wide = [];
                      const inside = n => {
                        for (const c of n.children) {
                          if (c.getBoundingClientRect().right > right + 1) {
                            wide.push(c.tagName.toLowerCase() + (c.id ? '#' + c.id : '')
                                + (c.className && c.className.baseVal === undefined ? '.' + c.className : ''));
                          }
                          if (c.shadowRoot) inside(c.shadowRoot);
                          inside(c);
                        }
                      };
                      if (e.assignedElements) inside(e);
                      e.querySelectorAll('slot').forEach(slot => slot.assignedElements().forEach(inside));
                      out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                          + (e.getAttribute('part') ? '[part=' + e.getAttribute('part') + ']' : '')
                          + ' ' + e.scrollWidth + '>' + e.clientWidth + ' sticking out: ' + wide.slice(0, 8).join(', '));
                    }
                    if (e.shadowRoot) walk(e.shadowRoot);
                  }
                };
                const within = arguments[0];
                if (within) {
                  if (!document.querySelector(within)) out.push('nothing matches ' + within);
                  document.querySelectorAll(within).forEach(e => {
                    walk(e);
                    if (e.shadowRoot) walk(e.shadowRoot);
                  });
                } else {
                  walk(document);
                }
                return out;
                """, within);
        List<String> problems = new ArrayList<>();
        ((List<?>) found).forEach(p -> problems.add(String.valueOf(p)));
        return problems;
    }

    @Test
    void my_bookings_and_the_request_form_fit_a_phone_without_sideways_scrolling() throws Exception {
        String requester = unique("phone");
        String token = userWithRoles(requester, "REQUESTER");
        String room = unique("Conference room on the third floor");
        var created = http.post("/api/resources", adminToken, Map.of("name", room, "capacity", 8, "timeZone",
                "Australia/Sydney"));
        assertThat(created.status()).isEqualTo(201);
        String roomId = created.body().get("id").asString();
        Instant slot = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(30, ChronoUnit.HOURS);
        for (int i = 0; i < 3; i++) {
            Instant at = slot.plus(i * 3L, ChronoUnit.HOURS);
            assertThat(http.post("/events/create", token, Map.of("title", i == 0
                            ? "Quarterly planning with the whole product and engineering leadership team" : "Sync " + i,
                    "resourceId", roomId, "start", at.toString(), "end", at.plus(1, ChronoUnit.HOURS).toString()))
                    .status()).isEqualTo(201);
        }

        WebDriver phone = phone();
        signIn(phone, requester);
        phone.get(base() + "/bookings");
        waitUpTo(phone, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("upcoming-bookings")));
        // the phone layout: one card per booking
        waitUpTo(phone, 15).until(d -> d.findElements(By.cssSelector("#upcoming-bookings .booking-card")).size() == 3);
        screenshot(phone, "phone-my-bookings");
        assertThat(((JavascriptExecutor) phone).executeScript("return window.innerWidth")).isEqualTo(390L);
        assertThat(sidewaysScrollers(phone)).as("my bookings at 390 px").isEmpty();
        assertThat(phone.findElement(By.id("upcoming-bookings")).getText()).contains("Quarterly planning")
                .contains("Move or cancel");

        phone.get(base() + "/");
        waitForCalendar(phone);
        phone.findElement(By.id("new-booking")).click();
        waitUpTo(phone, 10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#request-title input")));
        phone.findElement(By.cssSelector("#request-title input")).sendKeys("On the go");
        choose(phone, "request-resource", "vaadin-combo-box-item", room);
        // the room is in Sydney: the form says what the times are there
        waitUpTo(phone, 10).until(d -> !d.findElement(By.id("request-zones")).getText().isBlank());
        screenshot(phone, "phone-request-form");
        // (the form only: the calendar behind it is another part's)
        assertThat(sidewaysScrollers(phone, "vaadin-dialog, vaadin-dialog-overlay")).as("the request form at 390 px")
                .isEmpty();
        assertThat(((JavascriptExecutor) phone).executeScript("return window.innerWidth")).isEqualTo(390L);
        ((JavascriptExecutor) phone).executeScript(
                "document.getElementById('request-zones').scrollIntoView({block: 'center'})");
        screenshot(phone, "phone-request-form-bottom");
    }
}
