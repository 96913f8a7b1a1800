package io.aura.ui.approval;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.ui.LiveWhileAttached;
import io.aura.ui.MainLayout;
import io.aura.ui.UserZone;
import jakarta.annotation.security.PermitAll;

/**
 * The signed-in person's notifications, newest first and live: approval requests (with the link
 * that decides, for a named approver), decisions on their bookings, reminders and escalations — what
 * mail carries when SMTP is set up, and the only copy when it is not.
 */
@Route(value = "notifications", layout = MainLayout.class)
@PageTitle("Notifications · Aura Scheduler")
@PermitAll
public class NotificationsView extends VerticalLayout {
    private final NotificationDesk notifications;
    private final Grid<NotificationView> grid = new Grid<>(NotificationView.class, false);
    private final Span empty = new Span("Nothing yet.");

    public NotificationsView(NotificationDesk notifications) {
        this.notifications = notifications;
        grid.setId("notifications");
        grid.addColumn(n -> UserZone.at(n.createdAt(), UserZone.current())).setHeader("When").setAutoWidth(true);
        grid.addColumn(n -> n.type().replace('_', ' ').toLowerCase()).setHeader("What").setAutoWidth(true);
        grid.addColumn(NotificationView::message).setHeader("Message").setFlexGrow(1);
        grid.addComponentColumn(n -> n.link() == null ? new Span()
                : new Anchor(n.link(), n.token() != null ? "Decide" : "Open")).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        empty.setId("notifications-empty");
        add(new H2("Notifications"), grid, empty);
        LiveWhileAttached.keep(this, this::reload, ui -> notifications.watch(burst -> ui.access(this::reload)));
    }

    private void reload() {
        var mine = notifications.mine();
        grid.setItems(mine);
        empty.setVisible(mine.isEmpty());
    }
}
