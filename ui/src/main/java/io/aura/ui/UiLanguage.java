package io.aura.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.aura.kernel.identity.PreferredLanguage;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The language every new page (UI) opens in: the one the signed-in person chose, else the first of the
 * browser's languages that Aura offers, else English. The sign-in page knows nobody yet: the browser's.
 */
@Component
public class UiLanguage implements VaadinServiceInitListener {
    private static final Logger log = LoggerFactory.getLogger(UiLanguage.class);

    private final LanguageDesk languages;

    public UiLanguage(LanguageDesk languages) {
        this.languages = languages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(of(chosen(), browser())));
    }

    /** The UI's locale: {@code chosen} if there is one, else the browser's first offered language, else English. */
    public static Locale of(Optional<PreferredLanguage> chosen, List<Locale> browser) {
        if (chosen.isPresent()) {
            return Locale.forLanguageTag(chosen.get().tag());
        }
        return browser.stream().filter(l -> AuraTranslations.LANGUAGES.stream()
                        .anyMatch(offered -> offered.getLanguage().equals(l.getLanguage())))
                .findFirst().map(AuraTranslations::supported).orElse(Locale.ENGLISH);
    }

    /** The language the person signed in to this UI chose; nothing before signing in. */
    private Optional<PreferredLanguage> chosen() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        try {
            return languages.chosen();
        } catch (RuntimeException unreadable) {
            // the page still opens (in the browser's language) when the user view cannot be read just now
            log.warn("Could not read {}'s chosen language: {}", auth.getName(), unreadable.toString());
            return Optional.empty();
        }
    }

    /** The languages the browser asks for, most wanted first (Accept-Language). */
    private static List<Locale> browser() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getLocales() == null) {
            UI ui = UI.getCurrent();
            return ui == null || ui.getSession() == null || ui.getSession().getLocale() == null ? List.of()
                    : List.of(ui.getSession().getLocale());
        }
        return Collections.list(request.getLocales());
    }
}
