package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.approval.ApprovalEvents.ApprovalOpened;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingCheckedIn;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A webhook receiver is shown a private booking as anyone else is (ADR 0040): Busy, nobody, no texts. */
class WebhookPayloadsTest {
    static final TimeRange NINE = new TimeRange(Instant.parse("2026-12-08T09:00:00Z"),
            Instant.parse("2026-12-08T10:00:00Z"));
    static final Function<String, Optional<Boolean>> VIEWS =
            id -> Optional.ofNullable(Map.of("secret", true, "open", false).get(id));

    static BookingRequested request(String id, boolean privateBooking) {
        return new BookingRequested(id, "r-1", "Salary talk", NINE, List.of(NINE), null, ConflictPolicy.ALL_OR_NOTHING,
                2, List.of("dana@example.org"), "about the raise", "olga", ApplicableQuotas.NONE, privateBooking,
                "Training");
    }

    @Test
    void a_private_request_shows_busy_with_no_requester_description_or_attendee_names() {
        BookingRequested shown = (BookingRequested) WebhookPayloads.shown(request("secret", true), VIEWS);

        assertThat(shown.title()).isEqualTo("Busy");
        assertThat(shown.description()).isNull();
        assertThat(shown.attendeeNames()).isEmpty();
        assertThat(shown.requester()).isNull();
        assertThat(shown.privateBooking()).isTrue();
        assertThat(shown.range()).isEqualTo(NINE);
        assertThat(shown.category()).isEqualTo("Training");
    }

    @Test
    void a_request_not_private_is_shown_as_it_is() {
        BookingRequested open = request("open", false);

        assertThat(WebhookPayloads.shown(open, VIEWS)).isSameAs(open);
    }

    @Test
    void later_events_of_a_private_booking_lose_their_names_and_texts_and_an_unknown_booking_counts_as_private() {
        assertThat(((BookingCancelled) WebhookPayloads.shown(new BookingCancelled("secret", "r-1", "ill"), VIEWS))
                .reason()).isNull();
        assertThat(((BookingCheckedIn) WebhookPayloads.shown(new BookingCheckedIn("secret", "r-1", NINE,
                NINE.start(), "olga"), VIEWS)).by()).isNull();
        assertThat(((OccurrenceMarkedNoShow) WebhookPayloads.shown(new OccurrenceMarkedNoShow("unknown", "r-1", NINE,
                NINE.end(), "olga"), VIEWS)).requester()).isNull();
        assertThat(((ApprovalOpened) WebhookPayloads.shown(new ApprovalOpened("a-1", "secret", "r-1", "olga", NINE,
                null, List.of(), null), VIEWS)).requester()).isNull();

        BookingCancelled open = new BookingCancelled("open", "r-1", "moved to Monday");
        assertThat(WebhookPayloads.shown(open, VIEWS)).isSameAs(open);
        BookingConfirmed confirmed = new BookingConfirmed("secret", "r-1", List.of(NINE), List.of(), List.of(), null);
        assertThat(WebhookPayloads.shown(confirmed, VIEWS)).isSameAs(confirmed);
    }
}
