package io.aura.kernel.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextPolicyTest {

    @Test
    void a_plain_line_passes_and_each_hostile_form_is_named() {
        assertThat(TextPolicy.line("title", "Standup · Raum 3 — 会议", 200)).isEmpty();
        assertThat(TextPolicy.line("title", null, 200)).isEmpty();
        assertThat(TextPolicy.line("title", "x".repeat(201), 200)).hasValueSatisfying(v -> assertThat(v.message())
                .contains("200"));
        assertThat(TextPolicy.line("title", "Stand\u0000up", 200)).isPresent();
        assertThat(TextPolicy.line("title", "Stand\nup", 200)).isPresent();
        assertThat(TextPolicy.line("title", "\u202Epu-dnats", 200)).isPresent();
        assertThat(TextPolicy.line("title", "a\u2067b", 200)).isPresent();
    }

    @Test
    void a_text_with_lines_may_break_lines_but_not_hold_other_controls() {
        assertThat(TextPolicy.lines("description", "Agenda:\n\t1. budget\r\n", 4000)).isEmpty();
        assertThat(TextPolicy.lines("description", "bell\u0007", 4000)).isPresent();
    }

    @Test
    void instants_are_bounded_to_the_years_1970_to_2200() {
        assertThat(TimeBounds.outside("start", Instant.parse("2026-12-07T09:00:00Z"))).isEmpty();
        assertThat(TimeBounds.outside("start", Instant.parse("1969-12-31T23:59:59Z"))).isPresent();
        assertThat(TimeBounds.outside("start", Instant.parse("2200-01-01T00:00:01Z"))).isPresent();
        assertThat(TimeBounds.outside("start", Instant.MIN)).hasValueSatisfying(v -> assertThat(v.field())
                .isEqualTo("start"));
    }
}
