package io.aura.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.Reason;
import io.aura.kernel.booking.ReasonCode;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SlotReasonsTest {

    @Test
    void every_reason_the_ranker_gives_has_words_in_english_and_german_quoting_all_its_values() {
        for (ReasonCode code : ReasonCode.values()) {
            for (Locale language : AuraTranslations.LANGUAGES) {
                String text = AuraTranslations.lookup("booking.reason." + code.name(), language);
                assertThat(text).as(code + " in " + language).isNotBlank();
                assertThat(new MessageFormat(text).getFormatsByArgumentIndex()).as(code + " in " + language
                        + " quotes each of its values").hasSize(code.quoted());
                String withMedian = AuraTranslations.lookup("booking.reason." + code.name() + ".median", language);
                if (code.mayQuoteMedian()) {
                    assertThat(withMedian).as(code + " with a median in " + language).isNotBlank();
                    assertThat(new MessageFormat(withMedian).getFormatsByArgumentIndex()).hasSize(code.quoted() + 1);
                } else {
                    assertThat(withMedian).as(code + " quotes no median").isNull();
                }
            }
        }
        for (Reason.Span.Unit unit : Reason.Span.Unit.values()) {
            for (Locale language : AuraTranslations.LANGUAGES) {
                assertThat(AuraTranslations.lookup("booking.reason.span." + unit.name(), language))
                        .as(unit + " in " + language).isNotBlank();
            }
        }
    }

    @Test
    void a_reason_reads_in_the_viewers_language_with_numbers_and_percentages_as_that_language_writes_them() {
        Reason quiet = Reason.of(ReasonCode.USUALLY_QUIET, 12);
        Reason seats = Reason.of(ReasonCode.SEATS, 1200, 1);
        Reason approved = Reason.of(ReasonCode.APPROVED_WITHIN_A_DAY, 9, 180);

        assertThat(SlotReasons.of(Locale.ENGLISH, quiet)).isEqualTo("usually quiet at this hour (12% booked in recent weeks)");
        assertThat(SlotReasons.of(Locale.GERMANY, quiet))
                .isEqualTo("zu dieser Stunde meist ruhig (12\u00a0% gebucht in den letzten Wochen)");
        assertThat(SlotReasons.of(Locale.ENGLISH, seats)).isEqualTo("seats 1,200 for 1 attendee");
        assertThat(SlotReasons.of(Locale.GERMAN, seats)).isEqualTo("1.200 Plätze für 1 Person");
        assertThat(SlotReasons.of(Locale.ENGLISH, Reason.of(ReasonCode.SEATS, 8, 6))).isEqualTo("seats 8 for 6 attendees");
        assertThat(SlotReasons.of(Locale.ENGLISH, approved))
                .isEqualTo("approved within a day 9 times in 10 (median decision 3 hours)");
        assertThat(SlotReasons.of(Locale.GERMAN, approved))
                .isEqualTo("9 von 10 Mal innerhalb eines Tages genehmigt (Entscheidung im Median nach 3 Stunden)");
        assertThat(SlotReasons.of(Locale.GERMAN, Reason.of(ReasonCode.USUALLY_DECLINED, 3, 4, 4320)))
                .isEqualTo("hier meist abgelehnt (3 von 4 Anfragen nicht genehmigt, Entscheidung im Median nach 3 Tagen)");
    }

    @Test
    void the_line_under_a_slot_leaves_out_that_it_is_free_which_every_slot_on_offer_is() {
        assertThat(SlotReasons.line(Locale.GERMAN, List.of(Reason.of(ReasonCode.FREE), Reason.of(ReasonCode.SEATS, 8, 6),
                Reason.of(ReasonCode.USUALLY_USED)))).isEqualTo("8 Plätze für 6 Teilnehmende · Buchungen hier werden meist genutzt");
        assertThat(SlotReasons.line(Locale.ENGLISH, List.of(Reason.of(ReasonCode.FREE)))).isEmpty();
    }
}
