package io.aura.ui.approval;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.ui.AuraTranslations;
import io.aura.ui.LiveWhileAttached;
import io.aura.ui.MainLayout;
import io.aura.ui.ResourceDirectory;
import io.aura.ui.UserZone;
import io.aura.ui.booking.BookingDesk;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in person's notifications, newest first and live: approval requests (with the link
 * that decides, for a named approver), decisions on their bookings, reminders and escalations — what
 * mail carries when SMTP is set up, and the only copy when it is not.
 *
 * <p>An entry's text is stored (and mailed) in English. In another language the inbox says it again
 * from the entry's type and its booking (title, resource, time in the viewer's zone); what only the
 * stored text holds — a comment, a reason, the deadline — stays in that English text, not shown then.
 */
@Route(value = "notifications", layout = MainLayout.class)
@PermitAll
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {
    private final NotificationDesk notifications;
    private final BookingDesk bookings;
    private final ResourceDirectory resources;
    private final Grid<NotificationView> grid = new Grid<>(NotificationView.class, false);
    private final Span empty = new Span();
    /** Each entry's text in the viewer's language (entry id → text), made once per refresh. */
    private Map<String, String> texts = Map.of();

    public NotificationsView(NotificationDesk notifications, BookingDesk bookings, ResourceDirectory resources) {
        this.notifications = notifications;
        this.bookings = bookings;
        this.resources = resources;
        grid.setId("notifications");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(n -> UserZone.at(n.createdAt(), UserZone.current()))
                .setHeader(getTranslation("approval.notifications.when")).setWidth("7em").setFlexGrow(0);
        var what = grid.addColumn(n -> type(n.type())).setHeader(getTranslation("approval.notifications.what"))
                .setAutoWidth(true).setFlexGrow(0);
        // on a phone the message says what it is about
        io.aura.ui.Narrow.hideWhenNarrow(this, what);
        grid.addColumn(n -> texts.getOrDefault(n.id(), n.message()))
                .setHeader(getTranslation("approval.notifications.message")).setWidth("6em").setFlexGrow(1);
        grid.addComponentColumn(n -> n.link() == null ? new Span()
                : new Anchor(n.link(), getTranslation(n.token() != null ? "approval.notifications.decide"
                        : "approval.notifications.open"))).setHeader(getTranslation("approval.notifications.link"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        empty.setText(getTranslation("approval.notifications.empty"));
        empty.setId("notifications-empty");
        setMinWidth("0");
        add(new H2(getTranslation("approval.notifications.title")), grid, empty);
        LiveWhileAttached.keep(this, this::reload, ui -> notifications.watch(burst -> ui.access(this::reload)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("approval.notifications.page-title");
    }

    private String type(String type) {
        String key = "approval.notifications.type." + type;
        return AuraTranslations.lookup(key, getLocale()) != null ? getTranslation(key)
                : type.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private void reload() {
        var mine = notifications.mine();
        texts = inViewersLanguage(mine);
        grid.setItems(mine);
        empty.setVisible(mine.isEmpty());
    }

    /** English: the stored text as it is. Another language: said again from the type and the booking. */
    private Map<String, String> inViewersLanguage(List<NotificationView> entries) {
        if (AuraTranslations.supported(getLocale()).equals(Locale.ENGLISH)) {
            return Map.of();
        }
        Map<String, Optional<BookingView>> seen = new HashMap<>();
        Map<String, String> out = new HashMap<>();
        for (NotificationView n : entries) {
            String key = "approval.notifications.text." + n.type();
            if (AuraTranslations.lookup(key, getLocale()) == null) {
                continue;
            }
            Optional<BookingView> booking = n.bookingId() == null ? Optional.empty()
                    : seen.computeIfAbsent(n.bookingId(), bookings::bookingIfAllowed);
            out.put(n.id(), getTranslation(key, booking.map(this::subject)
                    .orElseGet(() -> getTranslation("approval.notifications.a-booking"))));
        }
        return out;
    }

    private String subject(BookingView b) {
        String resource = resources.all().stream().filter(r -> r.id().equals(b.resourceId()))
                .map(r -> r.spec().name()).findFirst().orElse(b.resourceId());
        return getTranslation("approval.notifications.subject", b.title(), resource,
                UserZone.span(b.start(), b.end(), UserZone.current()));
    }
}
