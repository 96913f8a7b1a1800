package io.aura.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationsTest {
    final AuraTranslations translations = new AuraTranslations();

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void every_english_text_has_a_german_one_and_every_key_belongs_to_its_feature() throws IOException {
        for (String feature : AuraTranslations.FEATURES) {
            Properties english = bundle(feature);
            Properties german = bundle(feature + "_de");
            assertThat(german.stringPropertyNames()).as(feature + "_de").isEqualTo(english.stringPropertyNames());
            assertThat(english.stringPropertyNames()).as(feature).allMatch(key -> key.startsWith(feature + "."));
            english.stringPropertyNames().forEach(key ->
                    assertThat(german.getProperty(key)).as(key).isNotBlank());
            for (Properties texts : List.of(english, german)) {
                // every text is a MessageFormat: a single apostrophe would swallow what follows it
                texts.forEach((key, text) -> assertThat(text.toString().replace("''", "")).as(key.toString())
                        .doesNotContain("'"));
            }
        }
    }

    @Test
    void a_key_is_read_from_its_feature_in_the_language_asked_for_and_an_unknown_key_shows_as_itself() {
        assertThat(translations.getTranslation("shell.app-name", Locale.GERMANY)).isEqualTo("Aura Scheduler");
        assertThat(translations.getTranslation("shell.no-such-key", Locale.GERMAN)).isEqualTo("!{shell.no-such-key}!");
        assertThat(translations.getTranslation("nofeature.x", Locale.ENGLISH)).isEqualTo("!{nofeature.x}!");
        assertThat(AuraTranslations.supported(Locale.forLanguageTag("de-AT"))).isEqualTo(Locale.GERMAN);
        assertThat(AuraTranslations.supported(Locale.forLanguageTag("fr-FR"))).isEqualTo(Locale.ENGLISH);
    }
}
