package io.aura.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.identity.PreferredLanguage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The language a new page opens in: the user's choice, else the browser's first offered language, else English. */
class UiLanguageTest {
    static final List<Locale> FRENCH_THEN_GERMAN = List.of(Locale.FRANCE, Locale.forLanguageTag("de-AT"), Locale.US);

    @Test
    void the_users_choice_wins_over_the_browser() {
        assertThat(UiLanguage.of(Optional.of(PreferredLanguage.GERMAN), List.of(Locale.US))).isEqualTo(Locale.GERMAN);
        assertThat(UiLanguage.of(Optional.of(PreferredLanguage.ENGLISH), List.of(Locale.GERMANY)))
                .isEqualTo(Locale.ENGLISH);
    }

    @Test
    void without_a_choice_the_browsers_first_offered_language_and_else_english() {
        assertThat(UiLanguage.of(Optional.empty(), FRENCH_THEN_GERMAN)).isEqualTo(Locale.GERMAN);
        assertThat(UiLanguage.of(Optional.empty(), List.of(Locale.UK, Locale.GERMANY))).isEqualTo(Locale.ENGLISH);
        assertThat(UiLanguage.of(Optional.empty(), List.of(Locale.FRANCE))).isEqualTo(Locale.ENGLISH);
        assertThat(UiLanguage.of(Optional.empty(), List.of())).isEqualTo(Locale.ENGLISH);
    }
}
