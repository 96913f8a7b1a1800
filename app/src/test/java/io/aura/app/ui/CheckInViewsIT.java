package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import io.aura.app.IntegrationTest;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.ui.booking.CheckInView;
import io.aura.ui.booking.MyBookingsView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Check-in in the web UI (ADR 0033), driven on the server with Vaadin's browserless testing against the running
 * application: the page a room's QR code opens, and the button of My bookings.
 */
class CheckInViewsIT extends IntegrationTest {
    @Autowired
    ApplicationContext spring;

    SecuredBrowserlessApplicationContext<?> vaadin;
    String room;
    String owner;
    String bookingId;

    @BeforeEach
    void aBookingWhoseCheckInIsOpen() {
        vaadin = SpringBrowserlessApplicationContext.createSecured(spring, "io.aura.ui");
        room = http.post("/api/resources", adminToken, Map.of("name", unique("Huddle"), "capacity", 4,
                "timeZone", "Europe/Berlin", "checkIn", Map.of("required", true, "windowMinutes", 10)))
                .body().get("id").asString();
        owner = unique("cio");
        String token = userWithRoles(owner, "REQUESTER");
        Instant start = Instant.now().plus(5, ChronoUnit.MINUTES);
        var created = http.post("/events/create", token, Map.of("title", "Retro", "resourceId", room,
                "start", start.toString(), "end", start.plus(30, ChronoUnit.MINUTES).toString()));
        assertThat(created.status()).isEqualTo(201);
        bookingId = created.body().get("bookingId").asString();
    }

    @AfterEach
    void stopVaadin() {
        vaadin.close();
    }

    @Test
    void the_rooms_check_in_page_lets_its_owner_check_in() {
        BrowserlessUIContext ui = vaadin.newUser(owner, "REQUESTER").newWindow();
        ui.navigate(CheckInView.class, room);

        Div booking = ui.find(Div.class).withId("check-in-booking").single();
        assertThat(booking.getElement().getTextRecursively()).contains("Retro");
        assertThat(ui.find(Image.class).withId("check-in-qr").all()).isEmpty(); // the code is the ADMIN's to post
        ui.test(ui.find(Button.class).withId("check-in-button").single()).click();

        assertThat(booking.getElement().getTextRecursively()).startsWith("Checked in at");
        assertThat(http.get("/events/status?bookingId=" + bookingId, adminToken).body().get("checkedInAt")).isNotNull();
    }

    @Test
    void someone_else_sees_the_room_is_taken_but_no_title_and_no_button_and_an_admin_sees_the_qr_code() throws Exception {
        String other = unique("cix");
        userWithRoles(other, "REQUESTER");
        BrowserlessUIContext stranger = vaadin.newUser(other, "REQUESTER").newWindow();
        stranger.navigate(CheckInView.class, room);
        assertThat(stranger.find(Div.class).withId("check-in-booking").single().getElement().getTextRecursively())
                .contains("booked by someone else").doesNotContain("Retro");
        assertThat(stranger.find(Button.class).withId("check-in-button").all()).isEmpty();

        BrowserlessUIContext admin = vaadin.newUser("admin", "ADMIN").newWindow();
        admin.navigate(CheckInView.class, room);
        String qr = admin.find(Image.class).withId("check-in-qr").single().getSrc();
        assertThat(decodedQrCode(qr)).isEqualTo("http://aura.test/check-in/" + room); // the room's page, scanned
    }

    /** What a phone reads from the code: the SVG's modules drawn to pixels and read by ZXing's QR reader. */
    static String decodedQrCode(String svgDataUrl) throws Exception {
        assertThat(svgDataUrl).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(svgDataUrl.substring(svgDataUrl.indexOf(',') + 1)),
                StandardCharsets.UTF_8);
        Matcher box = Pattern.compile("viewBox='0 0 (\\d+) (\\d+)'").matcher(svg);
        assertThat(box.find()).isTrue();
        int scale = 4;
        int width = Integer.parseInt(box.group(1)) * scale;
        int height = Integer.parseInt(box.group(2)) * scale;
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1)) * scale;
            int y = Integer.parseInt(module.group(2)) * scale;
            for (int dy = 0; dy < scale; dy++) {
                Arrays.fill(pixels, (y + dy) * width + x, (y + dy) * width + x + scale, 0xFF000000);
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void my_bookings_offers_check_in_while_the_window_is_open() {
        BrowserlessUIContext ui = vaadin.newUser(owner, "REQUESTER").newWindow();
        ui.navigate(MyBookingsView.class);
        @SuppressWarnings("unchecked")
        Grid<BookingView> grid = ui.find(Grid.class).withId("upcoming-bookings").single();
        var actions = ui.test(grid).getCellComponent(0, 6);

        ui.test(ui.find(Button.class, actions).withClassName("check-in").single()).click();

        assertThat(http.get("/events/status?bookingId=" + bookingId, adminToken).body().get("checkedInAt")).isNotNull();
        var after = ui.test(grid).getCellComponent(0, 6);
        assertThat(ui.find(Button.class, after).withClassName("check-in").all()).isEmpty();
    }
}
