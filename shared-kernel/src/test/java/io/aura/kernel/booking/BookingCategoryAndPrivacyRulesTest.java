package io.aura.kernel.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.kernel.category.CategoryQueries.CategoryView;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A request's category and privacy (ADR 0040), decided in the kernel's one place for every entry point. */
class BookingCategoryAndPrivacyRulesTest {
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final ResourceSpec ROOM = new ResourceSpec("Room", 10, "Europe/Berlin", false, List.of(), 0, 30, 120, 30);
    static final ResourceSpec COUNSELLING = new ResourceSpec("Counselling", 2, "Europe/Berlin", false, List.of(), 0,
            30, 120, 30, List.of(), null, List.of(), null, true);
    static final TimeRange TUESDAY_NINE = new TimeRange(Instant.parse("2026-12-08T08:00:00Z"),
            Instant.parse("2026-12-08T09:00:00Z"));
    static final List<CategoryView> CATEGORIES = List.of(new CategoryView("c-1", "Training", "#1A6FD6"));

    static BookingRequest asking(Boolean privateBooking, String category) {
        return new BookingRequest("Standup", "r-1", TUESDAY_NINE, null, null, 1, List.of(), null, "alice",
                privateBooking, category);
    }

    @Test
    void a_request_that_does_not_say_is_private_as_its_resource_says_and_one_that_says_is_as_asked() {
        assertThat(BookingRequestRules.prepare("b-1", asking(null, null), Optional.of(ROOM), List.of(), CATEGORIES,
                NOW, List.of()).privateBooking()).isFalse();
        assertThat(BookingRequestRules.prepare("b-1", asking(null, null), Optional.of(COUNSELLING), List.of(),
                CATEGORIES, NOW, List.of()).privateBooking()).isTrue();
        assertThat(BookingRequestRules.prepare("b-1", asking(false, null), Optional.of(COUNSELLING), List.of(),
                CATEGORIES, NOW, List.of()).privateBooking()).isFalse();
        assertThat(BookingRequestRules.prepare("b-1", asking(true, null), Optional.of(ROOM), List.of(), CATEGORIES,
                NOW, List.of()).privateBooking()).isTrue();
    }

    @Test
    void a_known_category_is_carried_under_its_defined_name_whatever_the_case_asked() {
        var command = BookingRequestRules.prepare("b-1", asking(null, " training "), Optional.of(ROOM), List.of(),
                CATEGORIES, NOW, List.of());

        assertThat(command.category()).isEqualTo("Training");
    }

    @Test
    void a_category_not_on_the_list_is_refused_naming_category() {
        assertThatThrownBy(() -> BookingRequestRules.prepare("b-1", asking(null, "Gym"), Optional.of(ROOM), List.of(),
                CATEGORIES, NOW, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo("category")));
        assertThatThrownBy(() -> BookingRequestRules.prepare("b-1", asking(null, "Training"), Optional.of(ROOM),
                List.of(), NOW, List.of())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_old_request_booking_reads_as_not_private_without_a_category() {
        var old = new BookingCommands.RequestBooking("b-1", "r-1", "Standup", TUESDAY_NINE, List.of(TUESDAY_NINE),
                null, null, 1, List.of(), null, "alice");
        var event = new BookingEvents.BookingRequested("b-1", "r-1", "Standup", TUESDAY_NINE, List.of(TUESDAY_NINE),
                null, null, 1, List.of(), null, "alice", null, null, null);

        assertThat(old.privateBooking()).isFalse();
        assertThat(old.category()).isNull();
        assertThat(event.privateBooking()).isFalse();
    }
}
