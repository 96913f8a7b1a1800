package io.aura.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.schedule.ScheduleRules;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.text.MessageFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RefusalsTest {

    @Test
    void every_rule_the_kernel_names_has_words_in_english_and_german_quoting_the_same_values() {
        for (Rule rule : Rule.values()) {
            int quoted = new MessageFormat(rule.englishPattern()).getFormatsByArgumentIndex().length;
            for (Locale language : AuraTranslations.LANGUAGES) {
                String text = AuraTranslations.lookup("refusal." + rule.name(), language);
                assertThat(text).as(rule + " in " + language).isNotBlank();
                assertThat(new MessageFormat(text).getFormatsByArgumentIndex()).as(rule + " in " + language
                        + " quotes what the API's English quotes").hasSize(quoted);
            }
        }
    }

    @Test
    void a_rule_the_schedule_applied_reads_in_the_viewers_language_with_its_values() {
        FieldViolation overCapacity = FieldViolation.of("attendees", Rule.OVER_CAPACITY, 12, 10);

        assertThat(overCapacity.message()).isEqualTo("12 attendees exceed this resource's capacity of 10");
        assertThat(Refusals.of(Locale.ENGLISH, overCapacity)).isEqualTo("12 attendees are more than this resource holds (10).");
        assertThat(Refusals.of(Locale.GERMANY, overCapacity))
                .isEqualTo("12 Teilnehmende sind mehr, als diese Ressource fasst (10).");
    }

    @Test
    void the_kernel_names_the_rule_it_applies_so_the_german_form_does_not_show_the_apis_english() {
        var spec = new io.aura.kernel.resource.ResourceSpec("Room", 4, "Europe/Berlin", false, java.util.List.of(), 0, 15,
                120, 30);
        var inThePast = ScheduleRules.check(spec, new io.aura.kernel.schedule.TimeRange(
                java.time.Instant.parse("2020-01-01T09:00:00Z"), java.time.Instant.parse("2020-01-01T10:00:00Z")), 1,
                java.time.Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(inThePast).extracting(FieldViolation::rule).containsExactly(Rule.IN_THE_PAST);
        assertThat(Refusals.of(Locale.GERMAN, inThePast.get(0))).isEqualTo("Der Beginn liegt in der Vergangenheit.");
    }

    @Test
    void a_persons_words_have_no_rule_and_are_shown_as_they_came() {
        assertThat(Refusals.of(Locale.GERMAN, new FieldViolation("approval", "painting that week")))
                .isEqualTo("painting that week");
    }

    @Test
    void every_way_an_audit_chain_breaks_has_words_in_english_and_german() {
        for (AuditLog.Kind kind : AuditLog.Kind.values()) {
            for (Locale language : AuraTranslations.LANGUAGES) {
                assertThat(AuraTranslations.lookup("audit.break." + kind.name(), language)).as(kind + " in " + language)
                        .isNotBlank();
            }
        }
    }
}
