package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.aura.app.IntegrationTest;
import io.aura.kernel.identity.PreferredLanguage;
import io.aura.ui.LoginView;
import io.aura.ui.booking.CalendarView;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The language menu in the header: the choice is kept with the signed-in person's account, the page
 * turns to it at once, and every new window of that person opens in it; nobody else's does.
 */
class LanguageMenuIT extends IntegrationTest {
    @Autowired
    ApplicationContext spring;

    SecuredBrowserlessApplicationContext<?> vaadin;

    @BeforeEach
    void startVaadin() {
        vaadin = SpringBrowserlessApplicationContext.createSecured(spring, "io.aura.ui");
    }

    @AfterEach
    void stopVaadin() {
        vaadin.close();
    }

    static List<String> navTexts(BrowserlessUIContext ui) {
        return ui.find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void choosing_deutsch_turns_the_shell_german_and_a_new_window_of_that_user_opens_in_german() {
        String name = unique("sprache");
        userWithRoles(name, "REQUESTER");
        String other = unique("language");
        userWithRoles(other, "REQUESTER");
        var user = vaadin.newUser(name, "REQUESTER");
        BrowserlessUIContext ui = user.newWindow();
        ui.navigate(CalendarView.class);
        assertThat(navTexts(ui)).contains("Calendar", "My bookings");
        List<SideNavItem> shown = ui.find(SideNavItem.class).all();

        @SuppressWarnings("unchecked")
        Select<PreferredLanguage> menu = ui.find(Select.class).withId("language").single();
        ui.test(menu).selectItem("Deutsch");

        // at once: the shell in German, and the page reloaded in German (so every view reads its texts again)
        assertThat(shown.stream().map(SideNavItem::getLabel)).contains("Kalender", "Meine Buchungen")
                .doesNotContain("Calendar");
        assertThat(UI.getCurrent()).isNotSameAs(ui.getUI());
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.GERMAN);

        BrowserlessUIContext second = user.newWindow();
        assertThat(second.getUI().getLocale()).isEqualTo(Locale.GERMAN);
        second.navigate(CalendarView.class);
        assertThat(navTexts(second)).contains("Kalender", "Meine Buchungen");
        assertThat(second.find(com.vaadin.flow.component.button.Button.class).withId("sign-out").single().getText())
                .isEqualTo("Abmelden");

        // the choice was the signed-in person's own: someone else still opens in English
        BrowserlessUIContext theirs = vaadin.newUser(other, "REQUESTER").newWindow();
        assertThat(theirs.getUI().getLocale()).isEqualTo(Locale.ENGLISH);
        theirs.navigate(CalendarView.class);
        assertThat(navTexts(theirs)).contains("Calendar");

        // and back to English
        BrowserlessUIContext third = user.newWindow();
        third.navigate(CalendarView.class);
        @SuppressWarnings("unchecked")
        Select<PreferredLanguage> again = third.find(Select.class).withId("language").single();
        assertThat(again.getValue()).isEqualTo(PreferredLanguage.GERMAN);
        third.test(again).selectItem("English");
        assertThat(user.newWindow().getUI().getLocale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void the_sign_in_form_speaks_german_to_a_german_browser() {
        BrowserlessUIContext ui = vaadin.newUser().newWindow();
        ui.getUI().setLocale(Locale.GERMAN);
        ui.navigate(LoginView.class);

        String texts = ui.find(LoginForm.class).single().getElement().getPropertyRaw("i18n").toString();
        assertThat(texts).contains("Anmelden", "Benutzername", "Passwort").doesNotContain("Log in", "Username");
        assertThat(ui.getUI().getInternals().getTitle()).isEqualTo("Anmelden · Aura Scheduler");

        ui.activate();
        ui.getUI().navigate(LoginView.class, com.vaadin.flow.router.QueryParameters.of("throttled", "42"));
        texts = ui.find(LoginForm.class).single().getElement().getPropertyRaw("i18n").toString();
        assertThat(texts).contains("Zu viele fehlgeschlagene Anmeldungen", "Versuchen Sie es in 42 Sekunden erneut.");
    }
}
