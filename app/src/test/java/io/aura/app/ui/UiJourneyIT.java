package io.aura.app.ui;

import static io.aura.app.ui.Chromium.accessibilityProblems;
import static io.aura.app.ui.Chromium.focusedId;
import static io.aura.app.ui.Chromium.screenshot;
import static io.aura.app.ui.Chromium.waitUpTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real browser: headless Chromium from Debian's package, driven through Debian's
 * chromedriver (no download, no Selenium Manager). Sign in, request a booking from the calendar and
 * see it appear, approve it from a second session's inbox, and see the first session's calendar
 * change by push. Screenshots of the views go to target/screenshots (copied to docs/screenshots).
 */
class UiJourneyIT extends BrowserTest {
    /**
     * A slot the test owns whatever day and hour it runs: the coming Tuesday, 10:00 in Berlin — working
     * hours in the room's zone, at least ten hours ahead (no approval deadline and no "start is in the
     * past" can fall inside the test), and never the current hour's slot that other tests take.
     */
    static Instant comingTuesdayTenInBerlin() {
        return java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Berlin"))
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.TUESDAY))
                .truncatedTo(ChronoUnit.DAYS).withHour(10).toInstant();
    }

    @Test
    void request_from_the_calendar_approve_from_the_inbox_and_see_the_other_session_update_live() throws Exception {
        String approver = unique("uia");
        String requester = unique("uir");
        userWithRoles(approver, "APPROVER");
        String requesterToken = userWithRoles(requester, "REQUESTER");
        String room = unique("Studio");
        var created = http.post("/api/resources", adminToken, Map.of("name", room, "capacity", 8, "timeZone",
                "Europe/Berlin", "approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of(approver)))));
        assertThat(created.status()).isEqualTo(201);
        String room2 = unique("Annex");
        assertThat(http.post("/api/resources", adminToken, Map.of("name", room2, "capacity", 4, "timeZone",
                "America/New_York")).status()).isEqualTo(201);

        // installable: the web app manifest and its icons are served without signing in
        var manifest = http.get("/manifest.webmanifest", null);
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.raw().body()).contains("Aura Scheduler").contains("icons/");

        // the requester signs in; the calendar loads
        WebDriver alice = browser();
        long load = System.nanoTime();
        signIn(alice, requester);
        long pageLoadMs = (System.nanoTime() - load) / 1_000_000;
        screenshot(alice, "calendar");

        // request a booking from the calendar: the form, the outcome, the entry on the calendar
        alice.findElement(By.id("new-booking")).click();
        Instant slot = comingTuesdayTenInBerlin();
        type(alice, "request-title", "Design review");
        choose(alice, "request-resource", "vaadin-combo-box-item", room);
        when(alice, slot, slot.plus(1, ChronoUnit.HOURS));
        screenshot(alice, "request-form");
        alice.findElement(By.id("request-submit")).click();
        waitUpTo(alice, 15).until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().contains("waiting for approval")));
        waitUpTo(alice, 10).until(d -> calendarShows(d, "Design review (pending)"));

        // the same slot again, asked while the calendar shows another week: the form says it is taken while
        // editing and offers free slots, one click each; once booked, the calendar moves to show it
        goTo(alice, slot.plus(14, ChronoUnit.DAYS));
        alice.findElement(By.id("new-booking")).click();
        type(alice, "request-title", "Retro");
        choose(alice, "request-resource", "vaadin-combo-box-item", room);
        when(alice, slot, slot.plus(1, ChronoUnit.HOURS));
        waitUpTo(alice, 10).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#request-live vaadin-button.suggestion")));
        assertThat(alice.findElement(By.id("request-live")).getText()).contains("taken");
        screenshot(alice, "request-suggestions");
        takeSlotIn(alice, room);
        waitUpTo(alice, 10).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#request-live vaadin-button.suggestion")));
        alice.findElement(By.id("request-submit")).click();
        waitUpTo(alice, 15).until(d -> calendarShows(d, "Retro (pending)"));

        goTo(alice, slot);

        // the approver's inbox shows it (live) and approves it
        WebDriver olga = browser();
        signIn(olga, approver);
        // (the UI's inbox is /inbox: /approvals/** belongs to the token-authenticated HTTP API)
        olga.get(base() + "/inbox");
        waitUpTo(olga, 15).until(d -> d.findElements(By.cssSelector("#approvals vaadin-button.approve")).size() == 2);
        assertThat(olga.findElement(By.id("approvals")).getText()).contains("Design review · " + room)
                .contains("Retro · " + room);
        WebElement approve = olga.findElements(By.cssSelector("#approvals vaadin-button.approve")).get(0);
        screenshot(olga, "approvals");
        long decided = System.nanoTime();
        approve.click();

        // the requester's calendar changes by push, without a reload
        waitUpTo(alice, 10).until(d -> calendarShows(d, "Design review") && !calendarShows(d, "Design review (pending)"));
        long pushedMs = (System.nanoTime() - decided) / 1_000_000;

        // and a booking made by someone else over the API appears live too
        Instant later = slot.plus(4, ChronoUnit.HOURS); // clear of Retro, which took a free hour next to the slot
        long sent = System.nanoTime();
        var other = http.post("/events/create", requesterToken, Map.of("title", "Pushed in", "resourceId",
                created.body().get("id").asString(), "start", later.toString(), "end",
                later.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(other.status()).isEqualTo(201);
        waitUpTo(alice, 10).until(d -> calendarShows(d, "Pushed in"));
        long liveMs = (System.nanoTime() - sent) / 1_000_000;
        ((JavascriptExecutor) alice).executeScript("document.getElementById('calendar')._cal.scrollToTime(arguments[0])",
                String.format("%02d:00:00", Math.max(0, slot.atZone(java.time.ZoneId.systemDefault()).getHour() - 1)));
        screenshot(alice, "calendar-live");
        // a click on a booking opens its details; its owner cancels it there, and it leaves the calendar
        ((JavascriptExecutor) alice).executeScript("Array.from(document.querySelectorAll('#calendar .aura-booking'))"
                + ".find(e => e.textContent.includes('Pushed in')).click()");
        waitUpTo(alice, 10).until(ExpectedConditions.elementToBeClickable(By.id("details-cancel")));
        screenshot(alice, "booking-details");
        alice.findElement(By.id("details-cancel")).click();
        waitUpTo(alice, 10).until(ExpectedConditions.elementToBeClickable(By.id("cancel-confirm"))).click();
        waitUpTo(alice, 10).until(d -> !calendarShows(d, "Pushed in"));

        // several resources side by side, a day each, with their time zones
        for (String name : List.of(room, room2)) {
            choose(alice, "calendar-resources", "vaadin-multi-select-combo-box-item", name);
        }
        alice.findElement(By.cssSelector("#calendar-resources input")).sendKeys(Keys.ESCAPE);
        waitUpTo(alice, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar-1 .fc-view")));
        assertThat(alice.findElement(By.tagName("body")).getText()).contains("America/New_York");
        screenshot(alice, "side-by-side");

        // on a phone-sized screen the calendar shows a day and the navigation folds away
        WebDriver phone = browser("390,844");
        signIn(phone, requester);
        screenshot(phone, "phone");

        // my bookings: the confirmed one carries its proof as a QR code
        long bookingsLoad = System.nanoTime();
        alice.get(base() + "/bookings");
        WebElement proof = waitUpTo(alice, 15).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#my-bookings vaadin-button.proof")));
        long bookingsMs = (System.nanoTime() - bookingsLoad) / 1_000_000;
        proof.click();
        waitUpTo(alice, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("booking-qr")));
        assertThat(alice.findElement(By.id("booking-qr")).getAttribute("src")).startsWith("data:image/svg+xml");
        screenshot(alice, "my-bookings");
        // the approver rejects the other request with a comment: the list changes live and says why
        new Actions(alice).sendKeys(Keys.ESCAPE).perform();
        olga.findElement(By.cssSelector("#approvals vaadin-text-field input")).sendKeys("clashes with the offsite");
        olga.findElement(By.cssSelector("#approvals vaadin-button.reject")).click();
        try {
            waitUpTo(alice, 10).until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                    "return document.getElementById('my-bookings').textContent"))
                    .contains("clashes with the offsite"));
        } finally {
            screenshot(alice, "my-bookings-rejected");
        }
        // the same list on a phone: upcoming and past, statuses as badges
        phone.get(base() + "/bookings");
        waitUpTo(phone, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("upcoming-bookings")));
        screenshot(phone, "my-bookings-phone");

        // the utilization heatmap: 7 days × 24 hours, the booked hours coloured
        alice.get(base() + "/heatmap");
        waitUpTo(alice, 15).until(d -> d.findElements(By.cssSelector("#heatmap div[title]")).size() == 7 * 24);
        assertThat(alice.findElements(By.cssSelector("#heatmap div[title]")).stream()
                .anyMatch(c -> c.getAttribute("title").matches(".* · [1-9]\\d* of \\d+ bookable min booked · .*"))).isTrue();
        screenshot(alice, "heatmap");

        // an administrator registers a resource, then audits: the event list and the chain
        WebDriver root = browser();
        signIn(root, "admin", ADMIN_PASSWORD);
        root.get(base() + "/admin/resources");
        type(root, "admin-name", "Lab " + unique("x"));
        click(root, "admin-save");
        waitUpTo(root, 10).until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().startsWith("Registered")));
        screenshot(root, "admin");
        // ... creates a user in the UI, who can sign in at once
        String newcomer = unique("uinew");
        root.get(base() + "/admin/users");
        type(root, "user-name", newcomer);
        type(root, "user-password", newcomer + "-password-1");
        click(root, "user-create");
        waitUpTo(root, 10).until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().startsWith("Created " + newcomer)));
        // ... and finds them listed with their roles, each with its revoke and disable actions (at 1440 px wide)
        root.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
        // the suite's hundreds of users: searched for, as an administrator would (the grid renders what is in view)
        type(root, "user-search", newcomer);
        waitUpTo(root, 10).until(d -> d.findElement(By.id("users")).getText().contains(newcomer));
        ((JavascriptExecutor) root).executeScript("document.getElementById('users').scrollIntoView({block: 'start'})");
        screenshot(root, "admin-users");
        WebDriver fresh = browser();
        signIn(fresh, newcomer);
        assertThat(fresh.findElement(By.cssSelector("vaadin-app-layout")).getText()).contains(newcomer);

        root.get(base() + "/audit");
        waitUpTo(root, 15).until(ExpectedConditions.elementToBeClickable(By.id("audit-verify"))).click();
        waitUpTo(root, 30).until(d -> d.findElement(By.id("audit-verdict")).getText().startsWith("Chain intact"));
        screenshot(root, "audit");
        // the export link downloads the selected events within the signed-in session (no API token needed)
        root.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object exported = ((JavascriptExecutor) root).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('#audit-export-jsonl').href).then(r => r.text()).then(done)"
                + ".catch(e => done('failed: ' + e));");
        String firstLine = String.valueOf(exported).lines().findFirst().orElse("");
        assertThat(firstLine).startsWith("{").contains("\"globalIndex\"").contains("\"type\"");

        System.out.printf("UI timings: sign-in to calendar rendered %d ms; my bookings loaded %d ms; approve click "
                + "to the other session's calendar %d ms; API booking to the calendar %d ms%n", pageLoadMs, bookingsMs,
                pushedMs, liveMs);
        assertThat(liveMs).as("a booking made elsewhere shows within about a second").isLessThan(3000);
    }

    @Test
    void the_main_views_pass_an_accessibility_check_and_a_booking_can_be_requested_from_the_keyboard()
            throws Exception {
        String approver = unique("a11ya");
        userWithRoles(approver, "APPROVER");
        String requester = unique("a11yr");
        String requesterToken = userWithRoles(requester, "REQUESTER");
        String room = unique("Quiet room");
        var created = http.post("/api/resources", adminToken, Map.of("name", room, "capacity", 6, "timeZone",
                "Europe/Berlin", "approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of(approver)))));
        assertThat(created.status()).isEqualTo(201);
        Instant slot = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(3, ChronoUnit.HOURS);
        assertThat(http.post("/events/create", requesterToken, Map.of("title", "Seen by axe", "resourceId",
                created.body().get("id").asString(), "start", slot.toString(), "end",
                slot.plus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(201);

        Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
        WebDriver keyboard = browser();
        keyboard.get(base() + "/login");
        WebDriverWait wait = waitUpTo(keyboard, 30);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")));
        problems.put("sign-in", accessibilityProblems(keyboard));
        // sign in with the keyboard alone: the user name field has focus, Tab moves on, Enter submits
        new Actions(keyboard).sendKeys(requester).sendKeys(Keys.TAB).sendKeys(requester + "-password-1")
                .sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar .fc-view")));
        problems.put("calendar", accessibilityProblems(keyboard));
        // reach "New booking" with Tab and open it with Enter; the form takes typing and submits with the keyboard
        // (its default start is the next full hour: not opened in an hour's last minute, when it would pass)
        Awaitility.await("the next hour to begin (the form's default start is the next full hour)")
                .atMost(Duration.ofSeconds(95)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> 3600 - Instant.now().getEpochSecond() % 3600 >= 90);
        boolean reached = false;
        for (int i = 0; i < 40 && !reached; i++) {
            new Actions(keyboard).sendKeys(Keys.TAB).perform();
            reached = "new-booking".equals(focusedId(keyboard));
        }
        assertThat(reached).as("'New booking' can be reached with Tab").isTrue();
        new Actions(keyboard).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#request-title input")));
        problems.put("request form", accessibilityProblems(keyboard));
        keyboard.findElement(By.cssSelector("#request-title input")).sendKeys("Typed, never clicked");
        choose(keyboard, "request-resource", "vaadin-combo-box-item", room);
        keyboard.findElement(By.cssSelector("#request-title input")).sendKeys(Keys.ENTER);
        waitUpTo(keyboard, 15).until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().contains("waiting for approval")));

        for (String path : List.of("bookings", "heatmap", "resources", "notifications")) {
            openView(keyboard, path);
            problems.put(path, accessibilityProblems(keyboard));
        }
        // signing out ends the session: the views ask for the sign-in again
        click(keyboard, "sign-out");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form")));
        keyboard.get(base() + "/bookings");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")));
        assertThat(keyboard.findElements(By.id("my-bookings"))).isEmpty();
        WebDriver olga = browser();
        signIn(olga, approver);
        olga.get(base() + "/inbox");
        waitUpTo(olga, 15).until(d -> !d.findElements(By.cssSelector("#approvals vaadin-button.approve")).isEmpty());
        problems.put("inbox", accessibilityProblems(olga));
        WebDriver root = browser();
        signIn(root, "admin", ADMIN_PASSWORD);
        for (String path : List.of("admin/resources", "admin/users", "admin/blackouts", "admin/webhooks", "audit")) {
            openView(root, path);
            problems.put(path, accessibilityProblems(root));
        }
        problems.values().removeIf(List::isEmpty);
        assertThat(problems).as("serious or critical WCAG 2.1 A/AA findings by view").isEmpty();
    }

    @Test
    void heatmap_and_inbox_update_by_push_dragging_over_free_time_starts_a_request_and_admins_declare_levels()
            throws Exception {
        String approver = unique("livea");
        userWithRoles(approver, "APPROVER");
        String requester = unique("liver");
        String requesterToken = userWithRoles(requester, "REQUESTER");

        // an administrator declares a resource with two approval levels and a decision deadline in the form
        WebDriver root = browser();
        signIn(root, "admin", ADMIN_PASSWORD);
        root.get(base() + "/admin/resources");
        String room = unique("Hall");
        type(root, "admin-name", room);
        type(root, "level-name", "owner");
        type(root, "level-approvers", approver);
        click(root, "level-add");
        waitUpTo(root, 10).until(d -> d.findElement(By.id("admin-levels")).getText().contains(approver));
        type(root, "level-name", "facilities");
        type(root, "level-approvers", "nobody-" + unique("x"));
        click(root, "level-add");
        waitUpTo(root, 10).until(d -> d.findElement(By.id("level-errors")).getText().contains("No user is called"));
        type(root, "level-approvers", Keys.BACK_SPACE.toString());
        type(root, "level-min-attendees", "20");
        root.findElement(By.cssSelector("#level-role")).click();
        waitUpTo(root, 10).until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.getText().equals("ADMIN")).findFirst().map(i -> { i.click(); return true; })
                .orElse(false));
        click(root, "level-add");
        waitUpTo(root, 10).until(d -> d.findElement(By.id("admin-levels")).getText().contains("facilities"));
        type(root, "admin-deadline", "24");
        screenshot(root, "admin-levels");
        click(root, "admin-save");
        waitUpTo(root, 10).until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().startsWith("Registered " + room)));
        var registered = http.get("/api/resources", requesterToken).body();
        var hall = java.util.stream.StreamSupport.stream(registered.spliterator(), false)
                .filter(r -> r.get("name").asString().equals(room)).findFirst().orElseThrow();
        assertThat(hall.get("approvalLevels")).hasSize(2);
        assertThat(hall.get("approvalLevels").get(0).get("approvers").get(0).asString()).isEqualTo(approver);
        assertThat(hall.get("approvalLevels").get(1).get("approverRole").asString()).isEqualTo("ADMIN");
        assertThat(hall.get("approvalLevels").get(1).get("minAttendees").asInt()).isEqualTo(20);
        assertThat(hall.get("approvalDeadline").asString()).isEqualTo("PT24H");
        String hallId = hall.get("id").asString();

        // the approver's inbox and the requester's heatmap are open; a booking over the API reaches both by push
        WebDriver olga = browser();
        signIn(olga, approver);
        olga.get(base() + "/inbox");
        waitUpTo(olga, 15).until(ExpectedConditions.presenceOfElementLocated(By.id("approvals")));
        int before = olga.findElements(By.cssSelector("#approvals vaadin-button.approve")).size();
        // (a browser in New York against a server that is not: the form must show the calendar's times)
        WebDriver alice = browser("1400,1000", "America/New_York");
        signIn(alice, requester);
        alice.get(base() + "/heatmap");
        waitUpTo(alice, 15).until(d -> d.findElements(By.cssSelector("#heatmap div[title]")).size() == 7 * 24);
        String heatmapBefore = heatmapTitles(alice);
        Instant slot = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(26, ChronoUnit.HOURS);
        long sent = System.nanoTime();
        assertThat(http.post("/events/create", requesterToken, Map.of("title", "Town hall", "resourceId", hallId,
                "start", slot.toString(), "end", slot.plus(2, ChronoUnit.HOURS).toString())).status()).isEqualTo(201);
        waitUpTo(olga, 10).until(d -> d.findElements(By.cssSelector("#approvals vaadin-button.approve")).size()
                == before + 1);
        long inboxMs = (System.nanoTime() - sent) / 1_000_000;
        waitUpTo(alice, 10).until(d -> !heatmapTitles(d).equals(heatmapBefore));
        long heatmapMs = (System.nanoTime() - sent) / 1_000_000;

        // an administrator in Tokyo closes the hall 09:00–17:00 Tokyo time: the schedule refuses exactly those hours
        java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
        WebDriver tokyoAdmin = browser("1400,1000", "Asia/Tokyo");
        signIn(tokyoAdmin, "admin", ADMIN_PASSWORD);
        tokyoAdmin.get(base() + "/admin/blackouts");
        choose(tokyoAdmin, "blackout-resource", "vaadin-combo-box-item", room);
        Instant closedFrom = java.time.LocalDate.now(tokyo).plusDays(10).atTime(9, 0).atZone(tokyo).toInstant();
        Instant closedUntil = closedFrom.plus(8, ChronoUnit.HOURS);
        pick(tokyoAdmin, "blackout", closedFrom, closedUntil, tokyo);
        type(tokyoAdmin, "blackout-reason", "floor polishing");
        click(tokyoAdmin, "blackout-close");
        waitUpTo(tokyoAdmin, 10).until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().contains("is closed")));
        var refused = http.post("/events/create", requesterToken, Map.of("title", "In the closed hours", "resourceId",
                hallId, "start", closedFrom.toString(), "end", closedFrom.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("conflicts").get(0).get("source").asString()).isEqualTo("BLACKOUT");
        assertThat(Instant.parse(refused.body().get("conflicts").get(0).get("start").asString())).isEqualTo(closedFrom);
        assertThat(Instant.parse(refused.body().get("conflicts").get(0).get("end").asString())).isEqualTo(closedUntil);

        // dragging over free time in next week's calendar opens the request form for exactly that time,
        // in the browser's own time zone
        alice.get(base() + "/");
        waitForCalendar(alice);
        // (the hall alone: other tests' bookings on other resources may lie under the pointer)
        choose(alice, "calendar-resources", "vaadin-multi-select-combo-box-item", room);
        alice.findElement(By.cssSelector("#calendar-resources input")).sendKeys(Keys.ESCAPE);
        waitUpTo(alice, 10).until(d -> d.findElement(By.tagName("body")).getText().contains(room + " · resource in"));
        waitUpTo(alice, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar .fc-view")));
        // the Tokyo administrator's closed hours are shaded on the hall's calendar
        goTo(alice, closedFrom);
        waitUpTo(alice, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar .aura-closed")));
        goTo(alice, Instant.now().plus(7, ChronoUnit.DAYS));
        WebElement from = waitUpTo(alice, 10).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#calendar td.fc-timegrid-slot-lane[data-time='10:00:00']")));
        WebElement to = alice.findElement(By.cssSelector("#calendar td.fc-timegrid-slot-lane[data-time='11:30:00']"));
        ((JavascriptExecutor) alice).executeScript("arguments[0].scrollIntoView({block: 'center'})", from);
        new Actions(alice).moveToElement(from).clickAndHold().moveToElement(to).release().perform();
        waitUpTo(alice, 10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#request-title input")));
        JavascriptExecutor js = (JavascriptExecutor) alice;
        assertThat(String.valueOf(js.executeScript("return document.getElementById('request-start').value")))
                .endsWith("T10:00");
        assertThat(String.valueOf(js.executeScript("return document.getElementById('request-end').value")))
                .endsWith("T12:00");
        System.out.printf("UI live timings: API booking to the approver's inbox %d ms; to the heatmap %d ms%n",
                inboxMs, heatmapMs);
    }

    static String heatmapTitles(WebDriver browser) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#heatmap div[title]')).map(e => e.title).join('|')"));
    }
}
