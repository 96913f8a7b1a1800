package io.aura.kernel.category;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.validation.FieldViolation;
import org.junit.jupiter.api.Test;

class CategorySpecTest {

    static java.util.List<String> fields(CategorySpec spec) {
        return spec.violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void a_name_and_a_colour_written_hash_six_hex_digits_is_a_category() {
        assertThat(fields(new CategorySpec("Training", "#1a6fd6"))).isEmpty();
        assertThat(new CategorySpec(" Training ", "#1a6fd6")).isEqualTo(new CategorySpec("Training", "#1A6FD6"));
    }

    @Test
    void each_bad_field_is_named() {
        assertThat(fields(new CategorySpec(null, "#1A6FD6"))).containsExactly("name");
        assertThat(fields(new CategorySpec("  ", "#1A6FD6"))).containsExactly("name");
        assertThat(fields(new CategorySpec("x".repeat(61), "#1A6FD6"))).containsExactly("name");
        assertThat(fields(new CategorySpec("a\u0007b", "#1A6FD6"))).containsExactly("name");
        assertThat(fields(new CategorySpec("Training", "blue"))).containsExactly("colour");
        assertThat(fields(new CategorySpec("Training", "#1A6FD"))).containsExactly("colour");
        assertThat(fields(new CategorySpec("Training", null))).containsExactly("colour");
    }

    @Test
    void names_are_one_whatever_their_case() {
        assertThat(CategorySpec.sameName("Training", "TRAINING ")).isTrue();
        assertThat(CategorySpec.sameName("Training", "Workshop")).isFalse();
        assertThat(CategorySpec.sameName("Training", null)).isFalse();
    }
}
