package io.aura.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Sign-in with the same accounts as the API; the UI keeps a server session (ADR 0004). */
@Route("login")
@PageTitle("Sign in · Aura Scheduler")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Aura Scheduler"), login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        var throttled = parameters.getOrDefault("throttled", java.util.List.of());
        if (!throttled.isEmpty()) {
            // too many failed sign-ins for this name or address: say how long, not "wrong password"
            var i18n = com.vaadin.flow.component.login.LoginI18n.createDefault();
            var error = new com.vaadin.flow.component.login.LoginI18n.ErrorMessage();
            error.setTitle("Too many failed sign-ins");
            error.setMessage("Try again in " + throttled.get(0).replaceAll("[^0-9]", "") + " seconds.");
            i18n.setErrorMessage(error);
            login.setI18n(i18n);
        }
        login.setError(parameters.containsKey("error") || !throttled.isEmpty());
    }
}
