package io.aura.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingStatus;
import io.aura.ui.booking.StatusBadge;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one way the UI writes dates and times: in the viewer's language and zone. */
class UserZoneTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant NINE = Instant.parse("2026-12-07T14:00:00Z");
    static final Instant HALF_PAST_TEN = Instant.parse("2026-12-07T15:30:00Z");

    @Test
    void english_and_german_write_the_same_moment_each_their_own_way() {
        assertThat(UserZone.span(NINE, HALF_PAST_TEN, NEW_YORK, Locale.ENGLISH)).isEqualTo("Mon 7 Dec 2026, 09:00–10:30");
        assertThat(UserZone.span(NINE, HALF_PAST_TEN, NEW_YORK, Locale.GERMAN)).isEqualTo("Mo., 7. Dez. 2026, 09:00–10:30");
        assertThat(UserZone.at(NINE, NEW_YORK, Locale.GERMANY)).isEqualTo("Mo., 7. Dez. 2026, 09:00");
        // a language the UI does not offer is written in English
        assertThat(UserZone.at(NINE, NEW_YORK, Locale.FRENCH)).isEqualTo("Mon 7 Dec 2026, 09:00");
    }

    @Test
    void without_a_ui_the_language_is_english_and_the_old_signatures_still_answer() {
        assertThat(UserZone.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(UserZone.span(NINE, HALF_PAST_TEN, NEW_YORK)).isEqualTo("Mon 7 Dec 2026, 09:00–10:30");
        assertThat(UserZone.at(null, NEW_YORK)).isEmpty();
    }

    @Test
    void a_zone_is_named_by_its_city() {
        assertThat(UserZone.city(ZoneId.of("Australia/Sydney"))).isEqualTo("Sydney");
        assertThat(UserZone.city(NEW_YORK)).isEqualTo("New York");
    }

    @Test
    void statuses_are_words_in_the_language_asked_for() {
        assertThat(StatusBadge.of(BookingStatus.CONFIRMED, Locale.ENGLISH).label()).isEqualTo("Confirmed");
        assertThat(StatusBadge.of(BookingStatus.CONFIRMED, Locale.GERMAN).label()).isEqualTo("Bestätigt");
        assertThat(StatusBadge.of(BookingStatus.PENDING_APPROVAL, Locale.GERMAN).theme()).isEqualTo("badge warning");
        for (BookingStatus status : BookingStatus.values()) {
            assertThat(StatusBadge.of(status, Locale.GERMAN).label()).doesNotStartWith("!{");
        }
    }
}
