package io.aura.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in with the same accounts as the API; the UI keeps a server session (ADR 0004). In the browser's
 * language (nobody is known yet to have chosen one). With single sign-on configured, a link beside the form
 * starts the OpenID provider's sign-in (ADR 0042); local accounts keep signing in with the form.
 */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {
    private final LoginForm login = new LoginForm();
    private final H1 name = new H1();
    /** "Sign in with …", present while single sign-on is configured. */
    private final Optional<SingleSignOnLink> singleSignOn;
    private final Anchor signInWithProvider = new Anchor();
    /** How long the sign-in is throttled for, as the redirect said; null when it is not. */
    private Long throttledSeconds;
    /** The provider signed the person in, but Aura let them not in (no role mapped, name held, disabled). */
    private boolean refusedByAura;

    public LoginView(Optional<SingleSignOnLink> singleSignOn) {
        this.singleSignOn = singleSignOn;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(name, login);
        singleSignOn.ifPresent(link -> {
            // a plain link the browser follows: the provider's sign-in is a full page, not a route of ours
            signInWithProvider.setHref(link.href());
            signInWithProvider.setRouterIgnore(true);
            signInWithProvider.setId("sign-in-with-provider");
            add(signInWithProvider);
        });
        texts();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        texts();
    }

    private void texts() {
        name.setText(getTranslation("shell.app-name"));
        login.setI18n(i18n(throttledSeconds));
        singleSignOn.ifPresent(link -> signInWithProvider.setText(getTranslation("shell.login.single-sign-on",
                link.providerName())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.page-title", getTranslation("shell.login.title"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        var throttled = parameters.getOrDefault("throttled", List.of());
        if (!throttled.isEmpty()) {
            // too many failed sign-ins for this name or address: say how long, not "wrong password"
            String digits = throttled.get(0).replaceAll("[^0-9]", "");
            throttledSeconds = digits.isEmpty() || digits.length() > 9 ? null : Long.parseLong(digits);
            texts();
        }
        refusedByAura = parameters.containsKey("refused");
        if (refusedByAura) {
            texts();
        }
        login.setError(parameters.containsKey("error") || !throttled.isEmpty() || refusedByAura);
    }

    /** The form's texts; with {@code throttledSeconds} the error says how long to wait instead. */
    private LoginI18n i18n(Long throttledSeconds) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("shell.login.title"));
        form.setUsername(getTranslation("shell.login.username"));
        form.setPassword(getTranslation("shell.login.password"));
        form.setSubmit(getTranslation("shell.login.submit"));
        form.setForgotPassword(getTranslation("shell.login.forgot-password"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setUsername(getTranslation("shell.login.username-required"));
        error.setPassword(getTranslation("shell.login.password-required"));
        if (refusedByAura) {
            error.setTitle(getTranslation("shell.login.refused-title"));
            error.setMessage(getTranslation("shell.login.refused-message"));
        } else if (throttledSeconds == null) {
            error.setTitle(getTranslation("shell.login.error-title"));
            error.setMessage(getTranslation("shell.login.error-message"));
        } else {
            error.setTitle(getTranslation("shell.login.throttled-title"));
            error.setMessage(getTranslation("shell.login.throttled-message", throttledSeconds));
        }
        LoginI18n.Header header = i18n.getHeader();
        if (header != null) {
            header.setTitle(getTranslation("shell.app-name"));
            header.setDescription(null);
        }
        i18n.setAdditionalInformation(null);
        return i18n;
    }
}
