package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import io.aura.app.IntegrationTest;
import io.aura.ui.LoginView;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** With single sign-on configured, the sign-in page offers the provider beside the form (ADR 0042). */
class SignInWithProviderIT extends IntegrationTest {
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

    @Test
    void the_sign_in_page_links_to_the_provider_in_english_and_in_german() {
        BrowserlessUIContext ui = vaadin.newUser().newWindow();
        ui.navigate(LoginView.class);
        Anchor link = ui.find(Anchor.class).withId("sign-in-with-provider").single();
        assertThat(link.getText()).isEqualTo("Sign in with Entra ID");
        assertThat(link.getHref()).isEqualTo("oauth2/authorization/oidc");
        assertThat(ui.find(LoginForm.class).all()).hasSize(1); // local accounts keep their form

        BrowserlessUIContext german = vaadin.newUser().newWindow();
        german.getUI().setLocale(Locale.GERMAN);
        german.navigate(LoginView.class);
        assertThat(german.find(Anchor.class).withId("sign-in-with-provider").single().getText())
                .isEqualTo("Mit Entra ID anmelden");
    }

    @Test
    void a_refused_provider_sign_in_says_so_rather_than_wrong_password() {
        BrowserlessUIContext ui = vaadin.newUser().newWindow();
        ui.getUI().navigate(LoginView.class, com.vaadin.flow.router.QueryParameters.of("refused", ""));
        String texts = ui.find(LoginForm.class).single().getElement().getPropertyRaw("i18n").toString();
        assertThat(texts).contains("Single sign-on refused").doesNotContain("Wrong user name or password");
    }
}
