package io.aura.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.aura.kernel.identity.PreferredLanguage;
import io.aura.ui.admin.AdminBlackoutsView;
import io.aura.ui.admin.AdminCategoriesView;
import io.aura.ui.admin.AdminOutlookView;
import io.aura.ui.admin.AdminQuotasView;
import io.aura.ui.admin.AdminResourcesView;
import io.aura.ui.admin.AdminSitesView;
import io.aura.ui.admin.AdminUsersView;
import io.aura.ui.admin.AdminWebhooksView;
import io.aura.ui.admin.AdminWhatIfView;
import io.aura.ui.approval.ApprovalsView;
import io.aura.ui.approval.NotificationsView;
import io.aura.ui.audit.AuditView;
import io.aura.ui.booking.CalendarView;
import io.aura.ui.booking.HeatmapView;
import io.aura.ui.booking.MyBookingsView;
import io.aura.ui.booking.ResourcesView;
import io.aura.ui.report.TimesheetsView;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The frame of every signed-in view: a skip link to the view, navigation by role, who is signed in, the
 * language menu and sign-out. Its texts follow the UI's language ({@link LocaleChangeObserver}).
 */
@PermitAll
public class MainLayout extends AppLayout implements LocaleChangeObserver {
    private final Anchor skip = new Anchor();
    private final DrawerToggle toggle = new DrawerToggle();
    private final Span title = new Span();
    private final Select<PreferredLanguage> language = new Select<>();
    private final Button signOut = new Button();
    private final SideNav admin = new SideNav();
    /** Every navigation item with the key of its text. */
    private final Map<SideNavItem, String> items = new LinkedHashMap<>();

    public MainLayout(AuthenticationContext authentication, LanguageDesk languages) {
        String user = authentication.getPrincipalName().orElse("");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        title.addClassName("aura-shell-title");
        signOut.addClickListener(e -> authentication.logout());
        signOut.setId("sign-out");
        Span who = new Span(user);
        who.addClassName("aura-shell-user");

        language.setId("language");
        language.setItems(PreferredLanguage.values());
        // each language by its own name, so a reader of the other one finds theirs
        language.setItemLabelGenerator(l -> getTranslation("shell.language." + l.tag()));
        language.setWidth("7.5em");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                choose(languages, e.getValue());
            }
        });

        skipLink();
        HorizontalLayout header = new HorizontalLayout(skip, toggle, title, who, language, signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.getStyle().set("padding-right", "var(--lumo-space-m)").set("min-width", "0");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(item("shell.nav.calendar", CalendarView.class));
        nav.addItem(item("shell.nav.my-bookings", MyBookingsView.class));
        nav.addItem(item("shell.nav.utilization", HeatmapView.class));
        nav.addItem(item("shell.nav.resources", ResourcesView.class));
        nav.addItem(item("shell.nav.notifications", NotificationsView.class));
        nav.addItem(item("shell.nav.timesheets", TimesheetsView.class));
        List<String> roles = roles(authentication);
        if (roles.contains("APPROVER") || roles.contains("ADMIN")) {
            nav.addItem(item("shell.nav.approvals", ApprovalsView.class));
        }
        if (roles.contains("AUDITOR") || roles.contains("ADMIN")) {
            nav.addItem(item("shell.nav.audit", AuditView.class));
        }
        addToDrawer(nav);
        if (roles.contains("ADMIN")) {
            // a labelled group of its own: a nested item's toggle points across shadow roots, which screen
            // readers cannot follow (axe: aria-valid-attr-value)
            admin.addItem(item("shell.nav.admin-resources", AdminResourcesView.class));
            admin.addItem(item("shell.nav.admin-users", AdminUsersView.class));
            admin.addItem(item("shell.nav.admin-blackouts", AdminBlackoutsView.class));
            admin.addItem(item("shell.nav.admin-webhooks", AdminWebhooksView.class));
            admin.addItem(item("shell.nav.admin-outlook", AdminOutlookView.class));
            admin.addItem(item("shell.nav.admin-quotas", AdminQuotasView.class));
            admin.addItem(item("shell.nav.admin-sites", AdminSitesView.class));
            admin.addItem(item("shell.nav.admin-categories", AdminCategoriesView.class));
            admin.addItem(item("shell.nav.admin-whatif", AdminWhatIfView.class));
            addToDrawer(admin);
        }
        texts();
    }

    private SideNavItem item(String key, Class<? extends com.vaadin.flow.component.Component> view) {
        SideNavItem item = new SideNavItem("", view);
        items.put(item, key);
        return item;
    }

    /**
     * The first thing Tab reaches: it moves focus to the view (the app layout's content), so a keyboard
     * user skips the header and the navigation. Handled in the page: no round trip, no navigation.
     */
    private void skipLink() {
        skip.setHref("#main-content");
        skip.setId("skip-to-content");
        skip.addClassName("aura-skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().executeJs("""
                this.addEventListener('click', e => {
                  e.preventDefault();
                  const content = this.closest('vaadin-app-layout').querySelector(':scope > :not([slot])');
                  if (content) {
                    content.setAttribute('tabindex', '-1');
                    content.classList.add('aura-skip-target');
                    content.focus();
                  }
                });""");
    }

    /** Keeps the choice with the account, then reloads: every view reads its texts again, in the new language. */
    private void choose(LanguageDesk languages, PreferredLanguage chosen) {
        languages.choose(chosen);
        UI ui = UI.getCurrent();
        ui.setLocale(Locale.forLanguageTag(chosen.tag()));
        ui.getPage().reload();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        texts();
    }

    private void texts() {
        skip.setText(getTranslation("shell.skip-to-content"));
        toggle.setAriaLabel(getTranslation("shell.menu"));
        title.setText(getTranslation("shell.app-name"));
        language.setAriaLabel(getTranslation("shell.language"));
        // the label generator reads the locale when items are rendered again
        language.setItems(PreferredLanguage.values());
        language.setValue(PreferredLanguage.ofTag(AuraTranslations.supported(getLocale()).getLanguage())
                .orElse(PreferredLanguage.ENGLISH));
        signOut.setText(getTranslation("shell.sign-out"));
        admin.setLabel(getTranslation("shell.nav.administration"));
        items.forEach((item, key) -> item.setLabel(getTranslation(key)));
    }

    /** The signed-in user's roles, without Spring's ROLE_ prefix. */
    public static List<String> roles(AuthenticationContext authentication) {
        return authentication.getGrantedRoles().stream().map(r -> r.replaceFirst("^ROLE_", "")).toList();
    }
}
