package io.aura.ui.booking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import io.aura.ui.Refusals;
import io.aura.ui.UserZone;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;

/**
 * The page a room's QR code opens (ADR 0033): {@code /check-in/{resourceId}} shows the booking whose check-in is
 * open in that room now and lets its owner (after signing in) check in. An ADMIN sees the QR code to post at the room.
 */
@Route(value = "check-in", layout = MainLayout.class)
@PermitAll
public class CheckInView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {
    private final CheckInDesk checkIns;
    private final String user;
    private final boolean admin;
    private final String publicUrl;
    private final H2 title = new H2();
    private final Div body = new Div();

    public CheckInView(CheckInDesk checkIns, AuthenticationContext authentication,
                       @Value("${aura.public-url:http://localhost:8080}") String publicUrl) {
        this.checkIns = checkIns;
        this.user = authentication.getPrincipalName().orElse("");
        this.admin = MainLayout.roles(authentication).contains("ADMIN");
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        setId("check-in");
        title.setId("check-in-title");
        body.setId("check-in-booking");
        add(title, body);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("booking.check-in.page-title");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String resourceId) {
        var resource = resourceId == null ? Optional.<ResourceView>empty() : checkIns.resource(resourceId);
        if (resource.isEmpty()) {
            title.setText(getTranslation("booking.check-in.page-title"));
            body.add(new Paragraph(getTranslation("booking.check-in.no-such-room")));
            return;
        }
        title.setText(getTranslation("booking.check-in.title", resource.get().spec().name()));
        show(resourceId);
        if (admin) {
            String url = publicUrl + "/check-in/" + resourceId;
            Image qr = new Image(QrCode.svgDataUrl(url), getTranslation("booking.check-in.qr"));
            qr.setId("check-in-qr");
            qr.setWidth("min(100%, 16em)");
            add(new Paragraph(getTranslation("booking.check-in.qr-explained")), qr, new Paragraph(url));
        }
    }

    private void show(String resourceId) {
        body.removeAll();
        Optional<BookingView> current = checkIns.current(resourceId);
        if (current.isEmpty()) {
            body.add(new Paragraph(getTranslation("booking.check-in.nothing-now")));
            return;
        }
        BookingView booking = current.get();
        var date = checkIns.open(booking).orElseThrow();
        String when = UserZone.span(date.start(), date.end(), UserZone.current());
        boolean mine = booking.requester().equals(user);
        if (!mine && !admin) {
            body.add(new Paragraph(getTranslation("booking.check-in.someone-else", when)));
            return;
        }
        body.add(new Paragraph(getTranslation("booking.check-in.yours", booking.title(), when)));
        Button checkIn = new Button(getTranslation("booking.check-in.button"), e -> {
            try {
                Instant at = checkIns.checkIn(booking.bookingId());
                body.removeAll();
                body.add(new Paragraph(getTranslation("booking.check-in.done",
                        UserZone.at(at, UserZone.current()))));
            } catch (InvalidInputException refused) {
                body.add(new Paragraph(Refusals.of(this, refused.violations().get(0))));
            }
        });
        checkIn.setId("check-in-button");
        checkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        body.add(checkIn);
    }
}
