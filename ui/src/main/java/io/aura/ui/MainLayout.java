package io.aura.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.aura.ui.admin.AdminBlackoutsView;
import io.aura.ui.admin.AdminOutlookView;
import io.aura.ui.admin.AdminResourcesView;
import io.aura.ui.admin.AdminUsersView;
import io.aura.ui.admin.AdminWebhooksView;
import io.aura.ui.approval.ApprovalsView;
import io.aura.ui.approval.NotificationsView;
import io.aura.ui.audit.AuditView;
import io.aura.ui.booking.CalendarView;
import io.aura.ui.booking.HeatmapView;
import io.aura.ui.booking.MyBookingsView;
import io.aura.ui.booking.ResourcesView;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The frame of every signed-in view: navigation by role, who is signed in, and sign-out. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        String user = authentication.getPrincipalName().orElse("");
        Span title = new Span("Aura Scheduler");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.setId("sign-out");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, new Span(user), signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Calendar", CalendarView.class));
        nav.addItem(new SideNavItem("My bookings", MyBookingsView.class));
        nav.addItem(new SideNavItem("Utilization", HeatmapView.class));
        nav.addItem(new SideNavItem("Resources", ResourcesView.class));
        nav.addItem(new SideNavItem("Notifications", NotificationsView.class));
        List<String> roles = roles(authentication);
        if (roles.contains("APPROVER") || roles.contains("ADMIN")) {
            nav.addItem(new SideNavItem("Approvals", ApprovalsView.class));
        }
        if (roles.contains("AUDITOR") || roles.contains("ADMIN")) {
            nav.addItem(new SideNavItem("Audit", AuditView.class));
        }
        addToDrawer(nav);
        if (roles.contains("ADMIN")) {
            // a labelled group of its own: a nested item's toggle points across shadow roots, which screen
            // readers cannot follow (axe: aria-valid-attr-value)
            SideNav admin = new SideNav("Administration");
            admin.addItem(new SideNavItem("Resources and rules", AdminResourcesView.class));
            admin.addItem(new SideNavItem("Users", AdminUsersView.class));
            admin.addItem(new SideNavItem("Blackouts", AdminBlackoutsView.class));
            admin.addItem(new SideNavItem("Webhooks", AdminWebhooksView.class));
            admin.addItem(new SideNavItem("Outlook calendars", AdminOutlookView.class));
            addToDrawer(admin);
        }
    }

    /** The signed-in user's roles, without Spring's ROLE_ prefix. */
    public static List<String> roles(AuthenticationContext authentication) {
        return authentication.getGrantedRoles().stream().map(r -> r.replaceFirst("^ROLE_", "")).toList();
    }
}
