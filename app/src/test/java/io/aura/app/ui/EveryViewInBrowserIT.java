package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * Every view of the web UI, opened in headless Chromium by a person who holds every role, at a desktop width
 * (1440 px) and on a phone (390 px), in English and in German: nothing scrolls sideways on the phone (not the
 * page, not a grid's rows, not the calendar), and axe finds no serious or critical WCAG 2.1 A/AA problem.
 */
class EveryViewInBrowserIT extends BrowserTest {
    static final List<String> VIEWS = List.of("", "bookings", "heatmap", "resources", "notifications", "inbox", "timesheets",
            "audit", "admin/resources", "admin/users", "admin/blackouts", "admin/webhooks", "admin/outlook",
            "admin/quotas", "admin/sites", "admin/categories", "admin/what-if");

    @Test
    void no_view_scrolls_sideways_on_a_phone_and_axe_finds_no_serious_problem_in_english_or_german() throws Exception {
        String everyone = unique("every");
        String token = userWithRoles(everyone, "REQUESTER", "APPROVER", "ADMIN", "AUDITOR");
        String room = unique("Long-named conference room");
        var created = http.post("/api/resources", adminToken, Map.of("name", room, "capacity", 12, "timeZone",
                "Australia/Sydney", "approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of(everyone)))));
        assertThat(created.status()).isEqualTo(201);
        // a weekly quota on this person, so the quotas screen lists one and my bookings shows its usage
        assertThat(http.post("/api/quotas", adminToken, Map.of("username", everyone, "period", "P1W",
                "maxBookings", 20, "maxMinutes", 6000)).status()).isEqualTo(201);
        // a category (the categories screen lists it) and a confirmed booking of it: the calendar paints it in its
        // colour (ADR 0040)
        String category = unique("Training");
        assertThat(http.post("/api/categories", adminToken, Map.of("name", category, "colour", "#00796B")).status())
                .isEqualTo(201);
        var plain = http.post("/api/resources", adminToken, Map.of("name", unique("Training room"), "capacity", 12,
                "timeZone", "Europe/Berlin"));
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        assertThat(http.post("/events/create", token, Map.of("title", "Onboarding session", "resourceId",
                plain.body().get("id").asString(), "start", later.toString(), "end",
                later.plus(45, ChronoUnit.MINUTES).toString(), "category", category)).status()).isEqualTo(201);
        // something in every list: a pending request with a long title (the inbox, my bookings, notifications),
        // minutes from now so that the calendar's week and day both show it
        Instant slot = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        assertThat(http.post("/events/create", token, Map.of("title",
                "Quarterly planning with the whole regional leadership team and guests", "resourceId",
                created.body().get("id").asString(), "start", slot.toString(), "end",
                slot.plus(30, ChronoUnit.MINUTES).toString())).status()).isEqualTo(201);

        // a place on a waitlist for that taken slot (my bookings lists it with a button to leave)
        assertThat(http.post("/api/waitlist", token, Map.of("resourceId", created.body().get("id").asString(),
                "start", slot.toString(), "end", slot.plus(30, ChronoUnit.MINUTES).toString(),
                "title", "Waiting for the planning room with a rather long title")).status()).isEqualTo(201);
        // and the page a room's QR code opens, with the code an ADMIN posts (ADR 0033)
        List<String> views = new ArrayList<>(VIEWS);
        views.add("check-in/" + created.body().get("id").asString());

        Map<String, List<String>> sideways = new LinkedHashMap<>();
        Map<String, List<String>> accessibility = new LinkedHashMap<>();
        for (String language : List.of("en-GB", "de-DE")) {
            WebDriver browser = browser("1440,900", null, language);
            signIn(browser, everyone);
            for (String view : views) {
                String name = language + " /" + view;
                browser.manage().window().setSize(new Dimension(1440, 900));
                openView(browser, view);
                accessibility.put(name, Chromium.accessibilityProblems(browser));
                if (view.isEmpty() || view.equals("admin/categories")) {
                    Chromium.screenshot(browser, "desktop-" + language + "-" + (view.isEmpty() ? "calendar"
                            : view.replace('/', '-')));
                }
                browser.manage().window().setSize(new Dimension(390, 844));
                openView(browser, view);
                sideways.put(name, Chromium.sidewaysScrollers(browser));
                Chromium.screenshot(browser, "phone-" + language + "-" + (view.isEmpty() ? "calendar" : view.replaceFirst("^check-in/.*", "check-in").replace('/', '-')));
            }
            // the request form with its category choice and private box (ADR 0040), at a desktop width
            browser.manage().window().setSize(new Dimension(1440, 900));
            openView(browser, "");
            browser.findElement(org.openqa.selenium.By.id("new-booking")).click();
            Chromium.waitUpTo(browser, 10).until(b -> !b.findElements(org.openqa.selenium.By.id("request-category"))
                    .isEmpty());
            accessibility.put(language + " request form", Chromium.accessibilityProblems(browser));
            Chromium.screenshot(browser, "desktop-" + language + "-request-form");
        }
        sideways.values().removeIf(List::isEmpty);
        accessibility.values().removeIf(List::isEmpty);
        org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(sideways).as("what scrolls sideways at 390 px, by view").isEmpty();
            soft.assertThat(accessibility).as("serious or critical WCAG 2.1 A/AA findings by view").isEmpty();
        });
    }
}
