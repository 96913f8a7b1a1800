package io.aura.app.ui;

import static io.aura.app.ui.Chromium.js;
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
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The calendar, the heatmap and the approvals inbox as people see them, in headless Chromium at a
 * laptop's 1440×900 and a phone's 390×844: nothing scrolls sideways, the week shows today, an early
 * booking is in sight, rooms side by side share one toolbar, the phone's title leaves the arrows alone,
 * Reject stays on screen, and the colours tell mine from others'. Screenshots in target/screenshots.
 */
class CalendarLayoutIT extends BrowserTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** What moves while the inbox lays out its rows (long titles wrap, the decisions take their place). */
    static final String INBOX = "#approvals, #approvals .aura-approval, #approvals vaadin-button.reject";

    /**
     * Waits until the calendar {@code id} has the entries of the range it shows and has scrolled to the first of
     * them (the connector's scrollToFirst marks the range it did), and its boxes hold still.
     */
    static void waitUntilDrawn(WebDriver browser, String id) {
        waitUpTo(browser, 10).withMessage("calendar #" + id + " did not get its entries and scroll to the first")
                .until(d -> Boolean.TRUE.equals(js(d, "const el = document.getElementById(arguments[0]);"
                        + "return !!el && !!el._cal && el._scrolledTo === el._cal.view.type"
                        + " + el._cal.view.activeStart.toISOString()", id)));
        Chromium.waitUntilStill(browser, "calendar #" + id, "#" + id + " .fc-view, #" + id + " .fc-scroller, #" + id
                + " .fc-col-header-cell, #" + id + " .fc-toolbar-title, #" + id + " .fc-button, #" + id + " .aura-booking");
    }

    /**
     * What scrolls sideways on the page, "" when nothing does: the page itself, or any box that scrolls
     * its content horizontally (a grid whose columns are cut, a heatmap wider than the screen), also
     * inside shadow roots.
     */
    static String sideways(WebDriver browser) {
        return String.join("; ", Chromium.sidewaysScrollers(browser));
    }

    /** The element's box: [left, top, right, bottom] in the window. */
    @SuppressWarnings("unchecked")
    static List<Number> box(WebDriver browser, WebElement element) {
        return (List<Number>) js(browser, "const r = arguments[0].getBoundingClientRect();"
                + "return [r.left, r.top, r.right, r.bottom];", element);
    }

    static long windowWidth(WebDriver browser) {
        return ((Number) js(browser, "return document.documentElement.clientWidth")).longValue();
    }

    String room(String name, String zone, Object... more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "capacity", 8, "timeZone", zone));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        var created = http.post("/api/resources", adminToken, body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    void book(String token, String resourceId, Instant start, String title) {
        var created = http.post("/events/create", token, Map.of("title", title, "resourceId", resourceId, "start",
                start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    }

    @Test
    void calendar_heatmap_and_inbox_fit_a_laptop_and_a_phone_and_tell_mine_from_others() throws Exception {
        String requester = unique("clr");
        String requesterToken = userWithRoles(requester, "REQUESTER");
        String neighbour = unique("cln");
        String neighbourToken = userWithRoles(neighbour, "REQUESTER");
        String approver = unique("cla");
        userWithRoles(approver, "APPROVER");
        String roomName = unique("Loft");
        String room = room(roomName, BERLIN.getId());
        String annexName = unique("Annex");
        room(annexName, "America/New_York");
        String gated = room(unique("Boardroom"), BERLIN.getId(), "approvalLevels",
                List.of(Map.of("name", "owner", "approvers", List.of(approver))));
        // a Tuesday twenty weeks out: a 06:00 booking of the requester's, a 10:00 one of someone else's. Far from the
        // days the other tests book (a few days ahead): "all resources" shows every public booking, and one of theirs
        // earlier in the same week would be the first booking the calendar scrolls to (a suite run late in the UTC
        // evening put another test's booking at 00:00 Berlin of next week's Monday)
        ZonedDateTime tuesday = ZonedDateTime.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
                .plusWeeks(20).truncatedTo(ChronoUnit.DAYS);
        book(requesterToken, room, tuesday.withHour(6).toInstant(), "Early standup");
        book(neighbourToken, room, tuesday.withHour(10).toInstant(), "Neighbour's review");
        for (int i = 0; i < 2; i++) {
            book(requesterToken, gated, tuesday.withHour(12 + 2 * i).toInstant(),
                    "Quarterly budget planning with the regional leads and finance, part " + (i + 1));
        }
        SoftAssertions soft = new SoftAssertions();

        // a laptop: the requester's first week fits the page and shows today
        WebDriver laptop = browser("1440,900", BERLIN.getId());
        signIn(laptop, requester);
        waitUpTo(laptop, 10).until(d -> !d.findElements(By.cssSelector("#calendar .fc-day-today")).isEmpty());
        screenshot(laptop, "layout-week-1440");
        soft.assertThat(sideways(laptop)).as("the week at 1440 px scrolls sideways").isEmpty();
        List<Number> today = box(laptop, laptop.findElement(By.cssSelector("#calendar .fc-col-header-cell.fc-day-today")));
        soft.assertThat(today.get(2).doubleValue()).as("today's column ends inside the window")
                .isLessThanOrEqualTo(windowWidth(laptop));
        soft.assertThat(laptop.findElements(By.id("calendar-legend")).stream().map(WebElement::getText).findFirst()
                .orElse("")).as("the legend")
                .contains("Yours", "Someone else", "Waiting for approval", "Closed");

        // the week with the early booking: it is scrolled into sight, and mine is drawn unlike others'
        js(laptop, "document.getElementById('calendar')._cal.gotoDate(arguments[0])", tuesday.toInstant().toString());
        WebElement early = waitUpTo(laptop, 10).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[@id='calendar']//*[contains(@class,'aura-booking')][contains(., 'Early standup')]")));
        waitUpTo(laptop, 10).until(d -> !d.findElements(By.xpath(
                "//*[@id='calendar']//*[contains(@class,'aura-booking')][contains(., 'Neighbour')]")).isEmpty());
        waitUntilDrawn(laptop, "calendar"); // the scroll to the first booking follows the entries
        screenshot(laptop, "layout-early-booking-1440");
        // the time grid scrolls in its own box: the booking must lie within that box's visible part
        WebElement scrollBox = (WebElement) js(laptop, "return arguments[0].closest('.fc-scroller')", early);
        List<Number> scroller = box(laptop, scrollBox);
        List<Number> earlyBox = box(laptop, early);
        soft.assertThat(earlyBox.get(1).doubleValue()).as("the 06:00 booking's top is in sight (scroller top "
                + scroller.get(1) + ")").isGreaterThanOrEqualTo(scroller.get(1).doubleValue() - 1);
        soft.assertThat(earlyBox.get(3).doubleValue()).as("the 06:00 booking's bottom is in sight")
                .isLessThanOrEqualTo(scroller.get(3).doubleValue() + 1);
        soft.assertThat(early.getAttribute("class")).as("my booking").contains("aura-mine");
        WebElement others = laptop.findElement(By.xpath(
                "//*[@id='calendar']//*[contains(@class,'aura-booking')][contains(., 'Neighbour')]"));
        soft.assertThat(others.getAttribute("class")).as("someone else's booking").contains("aura-others");
        soft.assertThat(others.getCssValue("background-color")).as("someone else's is lighter than mine")
                .isNotEqualTo(early.getCssValue("background-color"));

        // two rooms side by side: one toolbar moves both
        for (String name : List.of(roomName, annexName)) {
            choose(laptop, "calendar-resources", "vaadin-multi-select-combo-box-item", name);
        }
        laptop.findElement(By.cssSelector("#calendar-resources input")).sendKeys(Keys.ESCAPE);
        waitUpTo(laptop, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar-1 .fc-view")));
        waitUntilDrawn(laptop, "calendar-0");
        waitUntilDrawn(laptop, "calendar-1");
        screenshot(laptop, "layout-side-by-side-1440");
        soft.assertThat(laptop.findElements(By.cssSelector(".fc-header-toolbar"))).as("toolbars of the calendars")
                .isEmpty();
        soft.assertThat(laptop.findElements(By.id("calendar-next"))).as("one shared toolbar").hasSize(1);
        if (!laptop.findElements(By.id("calendar-next")).isEmpty()) {
            String before = String.valueOf(js(laptop, "return document.getElementById('calendar-0')._cal.getDate().toISOString()"));
            laptop.findElement(By.id("calendar-next")).click();
            waitUpTo(laptop, 10).until(d -> !String.valueOf(js(d,
                    "return document.getElementById('calendar-0')._cal.getDate().toISOString()")).equals(before));
            soft.assertThat(js(laptop, "return document.getElementById('calendar-1')._cal.getDate().toISOString()"))
                    .as("both moved together").isEqualTo(js(laptop,
                            "return document.getElementById('calendar-0')._cal.getDate().toISOString()"));
            soft.assertThat(laptop.findElement(By.id("calendar-title")).getText()).as("the shared title").isNotBlank();
        }
        soft.assertThat(sideways(laptop)).as("side by side at 1440 px scrolls sideways").isEmpty();

        // the approver's inbox at 1440: every decision fully on screen, long titles wrap
        WebDriver desk = browser("1440,900", BERLIN.getId());
        signIn(desk, approver);
        desk.get(base() + "/inbox");
        waitUpTo(desk, 15).until(d -> d.findElements(By.cssSelector("#approvals vaadin-button.reject")).size() >= 2);
        Chromium.waitUntilStill(desk, "the inbox at 1440 px", INBOX);
        screenshot(desk, "layout-inbox-1440");
        soft.assertThat(sideways(desk)).as("the inbox at 1440 px scrolls sideways").isEmpty();
        List<Number> grid = box(desk, desk.findElement(By.id("approvals")));
        for (WebElement reject : desk.findElements(By.cssSelector("#approvals vaadin-button.reject"))) {
            soft.assertThat(box(desk, reject).get(2).doubleValue()).as("Reject's right edge at 1440 px")
                    .isLessThanOrEqualTo(Math.min(grid.get(2).doubleValue(), windowWidth(desk)));
        }
        soft.assertThat(desk.findElement(By.id("approvals")).getText()).as("the whole title is shown")
                .contains("with the regional leads and finance, part 1");

        // a phone: the day view, the heatmap and the inbox fit 390 px; the title leaves the arrows alone
        WebDriver phone = phone(BERLIN.getId());
        signIn(phone, requester);
        waitUntilDrawn(phone, "calendar");
        screenshot(phone, "layout-day-390");
        soft.assertThat(sideways(phone)).as("the calendar at 390 px scrolls sideways").isEmpty();
        WebElement title = phone.findElement(By.cssSelector("#calendar .fc-toolbar-title"));
        List<Number> titleBox = box(phone, title);
        for (WebElement button : phone.findElements(By.cssSelector("#calendar .fc-header-toolbar .fc-button"))) {
            List<Number> b = box(phone, button);
            boolean overlaps = b.get(0).doubleValue() < titleBox.get(2).doubleValue()
                    && titleBox.get(0).doubleValue() < b.get(2).doubleValue()
                    && b.get(1).doubleValue() < titleBox.get(3).doubleValue()
                    && titleBox.get(1).doubleValue() < b.get(3).doubleValue();
            soft.assertThat(overlaps).as("the title '%s' runs into button '%s'", title.getText(), button.getAttribute("title"))
                    .isFalse();
        }
        phone.get(base() + "/heatmap");
        waitUpTo(phone, 15).until(d -> d.findElements(By.cssSelector("#heatmap div[title]")).size() == 7 * 24);
        screenshot(phone, "layout-heatmap-390");
        soft.assertThat(sideways(phone)).as("the heatmap at 390 px scrolls sideways").isEmpty();

        WebDriver approverPhone = phone(BERLIN.getId());
        signIn(approverPhone, approver);
        approverPhone.get(base() + "/inbox");
        waitUpTo(approverPhone, 15).until(d -> d.findElements(By.cssSelector("#approvals vaadin-button.reject")).size() >= 2);
        Chromium.waitUntilStill(approverPhone, "the inbox at 390 px", INBOX);
        screenshot(approverPhone, "layout-inbox-390");
        soft.assertThat(sideways(approverPhone)).as("the inbox at 390 px scrolls sideways").isEmpty();
        for (WebElement reject : approverPhone.findElements(By.cssSelector("#approvals vaadin-button.reject"))) {
            soft.assertThat(box(approverPhone, reject).get(2).doubleValue()).as("Reject's right edge at 390 px")
                    .isLessThanOrEqualTo(windowWidth(approverPhone));
        }
        soft.assertAll();
    }
}
