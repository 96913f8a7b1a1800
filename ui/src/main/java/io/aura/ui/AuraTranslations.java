package io.aura.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * Every string the UI shows, from message bundles: one bundle per feature ({@code i18n/<feature>.properties}
 * for English, {@code i18n/<feature>_de.properties} for German), so features add their words without
 * touching each other's files. A key is {@code <feature>.<name>} and is looked up in that feature's
 * bundle; every text is a {@link MessageFormat} (an apostrophe is written {@code ''}). A key that exists nowhere shows as {@code !{key}!}, which the language tests look for.
 */
@Component
public class AuraTranslations implements I18NProvider {
    /** The languages offered, English first (the default for a browser that asks for none of them). */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    /** The feature bundles under {@code i18n/}. */
    public static final List<String> FEATURES =
            List.of("shell", "booking", "repeat", "calendar", "approval", "admin", "audit", "refusal", "report");

    // a missing German file or key falls back to English, never to the JVM's default locale
    private static final ResourceBundle.Control NO_JVM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LANGUAGES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String text = lookup(key, locale);
        if (text == null) {
            return "!{" + key + "}!";
        }
        // always a MessageFormat, so an apostrophe is written the same way (doubled) in every text
        return new MessageFormat(text, supported(locale)).format(params);
    }

    /** The text of {@code key} in {@code locale}'s bundle (English where German lacks it), or null. */
    public static String lookup(String key, Locale locale) {
        if (key == null) {
            return null;
        }
        int dot = key.indexOf('.');
        if (dot < 1 || !FEATURES.contains(key.substring(0, dot))) {
            return null;
        }
        try {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n/" + key.substring(0, dot), supported(locale),
                    AuraTranslations.class.getClassLoader(), NO_JVM_LOCALE);
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException none) {
            return null;
        }
    }

    /** The offered language closest to {@code locale}: German for any German locale, else English. */
    public static Locale supported(Locale locale) {
        return locale != null && Locale.GERMAN.getLanguage().equals(locale.getLanguage()) ? Locale.GERMAN
                : Locale.ENGLISH;
    }
}
