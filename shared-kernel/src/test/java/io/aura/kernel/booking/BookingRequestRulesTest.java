package io.aura.kernel.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BookingRequestRulesTest {
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final ResourceSpec ROOM = new ResourceSpec("Room", 10, "Europe/Berlin", false, List.of(), 0, 30, 120, 30);
    static final TimeRange TUESDAY_NINE = new TimeRange(Instant.parse("2026-12-08T08:00:00Z"),
            Instant.parse("2026-12-08T09:00:00Z"));

    static BookingRequest standup(String title, String recurrence, int attendees) {
        return new BookingRequest(title, "r-1", TUESDAY_NINE, recurrence, null, attendees, List.of(), null, "alice");
    }

    static List<String> fieldsRefusedIn(BookingRequest request, Optional<ResourceSpec> resource) {
        try {
            BookingRequestRules.prepare("b-1", request, resource, List.of(), NOW, List.of());
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations().stream().map(FieldViolation::field).toList();
        }
    }

    @Test
    void a_request_inside_every_rule_becomes_the_command_for_one_date() {
        var command = BookingRequestRules.prepare("b-1", standup("Standup", null, 4), Optional.of(ROOM), List.of(), NOW, List.of());

        assertThat(command.occurrences()).containsExactly(TUESDAY_NINE);
        assertThat(command.policy()).isEqualTo(ConflictPolicy.ALL_OR_NOTHING);
        assertThat(command.attendees()).isEqualTo(4);
    }

    @Test
    void a_title_of_300_characters_is_refused_naming_the_title() {
        assertThat(fieldsRefusedIn(standup("x".repeat(300), null, 1), Optional.of(ROOM))).containsExactly("title");
        assertThat(fieldsRefusedIn(standup("x".repeat(200), null, 1), Optional.of(ROOM))).isEmpty();
        assertThat(fieldsRefusedIn(standup("  ", null, 1), Optional.of(ROOM))).containsExactly("title");
    }

    @Test
    void an_unknown_or_missing_resource_is_named() {
        assertThat(fieldsRefusedIn(standup("Standup", null, 1), Optional.empty())).containsExactly("resourceId");
        assertThat(fieldsRefusedIn(new BookingRequest("Standup", " ", TUESDAY_NINE, null, null, 1, List.of(), null,
                "alice"), Optional.empty())).containsExactly("resourceId");
    }

    @Test
    void every_date_of_a_series_meets_the_resources_rules_and_a_broken_rule_is_named_once() {
        // weekly for ten weeks: the last six start beyond the 30-day booking window
        assertThat(fieldsRefusedIn(standup("Standup", "RRULE:FREQ=WEEKLY;COUNT=10", 1), Optional.of(ROOM)))
                .containsExactly("start");
        var command = BookingRequestRules.prepare("b-1", standup("Standup", "RRULE:FREQ=WEEKLY;COUNT=3", 1),
                Optional.of(ROOM), List.of(), NOW, List.of());
        assertThat(command.occurrences()).hasSize(3);
    }

    @Test
    void what_the_entry_point_could_not_read_is_reported_with_the_rules_it_broke() {
        var unreadable = new BookingRequest("", "r-1", null, null, null, 1, List.of(), null, "alice");
        assertThatThrownBy(() -> BookingRequestRules.prepare("b-1", unreadable, Optional.of(ROOM), List.of(), NOW,
                List.of(new FieldViolation("start", "is not an ISO-8601 instant"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactlyInAnyOrder("start", "title"));
    }

    @Test
    void no_attendees_means_a_booking_for_oneself_and_an_impossible_count_is_named() {
        assertThat(BookingRequestRules.prepare("b-1", standup("Standup", null, 0), Optional.of(ROOM), List.of(), NOW, List.of())
                .attendees()).isEqualTo(1);
        assertThat(fieldsRefusedIn(standup("Standup", null, -3), Optional.of(ROOM))).containsExactly("attendees");
    }

    @Test
    void the_quotas_the_entry_point_found_travel_with_the_command_counted_in_the_resources_zone() {
        QuotaView threeAWeek = new QuotaView("q-1", new QuotaSpec(null, null, "REQUESTER", null, QuotaPeriod.P1W,
                null, 3));
        var command = BookingRequestRules.prepare("b-1", standup("Standup", null, 1), Optional.of(ROOM),
                List.of(threeAWeek), NOW, List.of());

        assertThat(command.applicableQuotas()).isEqualTo(new ApplicableQuotas(List.of(threeAWeek), "Europe/Berlin"));
        assertThat(BookingRequestRules.prepare("b-1", standup("Standup", null, 1), Optional.of(ROOM), List.of(), NOW,
                List.of()).applicableQuotas().limitNothing()).isTrue();
    }
}
