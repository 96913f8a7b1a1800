package io.aura.kernel.identity;

import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.util.List;
import java.util.Optional;

/**
 * The languages a user may choose for the UI, as BCP 47 language tags: the one rule the API, the UI and
 * the user's account all apply. A tag, not an enum, is what an event stores: it is the standard name of
 * a language and stays readable when languages are added.
 */
public enum PreferredLanguage {
    ENGLISH("en"),
    GERMAN("de");

    private final String tag;

    PreferredLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The offered language {@code tag} names exactly ("en", "de"), or empty. */
    public static Optional<PreferredLanguage> ofTag(String tag) {
        for (PreferredLanguage language : values()) {
            if (language.tag.equals(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** Nothing when {@code tag} is an offered language; else the violation naming {@code language}. */
    public static List<FieldViolation> check(String tag) {
        if (ofTag(tag).isPresent()) {
            return List.of();
        }
        return List.of(FieldViolation.of("language", Rule.LANGUAGE_NOT_OFFERED,
                String.join(", ", java.util.Arrays.stream(values()).map(PreferredLanguage::tag).toList())));
    }
}
