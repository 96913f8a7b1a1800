package io.aura.kernel.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ApproverNamesTest {

    @Test
    void a_list_of_five_thousand_names_is_refused_without_looking_one_up() {
        List<String> looked = new ArrayList<>();
        List<String> names = IntStream.range(0, 5_000).mapToObj(i -> "x" + i).toList();

        List<FieldViolation> violations = ApproverNames.check("approvers", names, n -> looked.add(n));

        assertThat(violations).extracting(FieldViolation::message).containsExactly("must name at most 50 people");
        assertThat(looked).isEmpty();
    }

    @Test
    void each_unknown_name_is_named_once_and_known_ones_pass() {
        List<FieldViolation> violations = ApproverNames.check("approvers", List.of("ann", "bob", "bob"), "ann"::equals);

        assertThat(violations).containsExactly(FieldViolation.of("approvers", Rule.UNKNOWN_USER, "bob"));
        assertThat(violations.get(0).message()).isEqualTo("no user is called 'bob'");
    }

    @Test
    void a_blank_name_is_a_shape_violation_and_nothing_is_looked_up() {
        assertThat(ApproverNames.check("approvers", List.of("ann", " "), n -> {
            throw new AssertionError("looked up " + n);
        })).extracting(FieldViolation::message).containsExactly("must not contain blank names");
    }

    @Test
    void a_message_quoting_a_megabyte_of_input_is_cut() {
        FieldViolation violation = ApproverNames.unknown("approvers", List.of("y".repeat(1_000_000)), n -> false).get(0);

        assertThat(violation.message()).hasSizeLessThanOrEqualTo(FieldViolation.MESSAGE_LIMIT + 1);
    }
}
