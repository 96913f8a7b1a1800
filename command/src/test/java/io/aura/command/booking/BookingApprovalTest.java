package io.aura.command.booking;

import static io.aura.command.booking.BookingTestData.aBookingRequest;

import io.aura.command.Fixtures;
import io.aura.kernel.booking.BookingCommands.AwaitApproval;
import io.aura.kernel.booking.BookingCommands.CancelBooking;
import io.aura.kernel.booking.BookingCommands.ConfirmApprovedBooking;
import io.aura.kernel.booking.BookingCommands.DeclineBooking;
import io.aura.kernel.booking.BookingCommands.RequestReschedule;
import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A booking awaiting approval: the approval's verdict confirms or declines it. */
class BookingApprovalTest {
    static final String B = "b-1";
    static final String R = "r-1";
    static final String A = "apv-1";
    static final TimeRange SLOT = new TimeRange(Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"));
    static final BookingRequested REQUESTED = aBookingRequest(B, SLOT).titled("Board").attendees(12).by("alice")
            .recorded();
    static final BookingAwaitingApproval AWAITING = new BookingAwaitingApproval(B, R, List.of(SLOT), List.of(),
            List.of(), A);

    FixtureConfiguration<Booking> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(Booking.class);
    }

    @Test
    void a_held_booking_that_needs_approval_awaits_it() {
        fixture.given(REQUESTED)
                .when(new AwaitApproval(B, List.of(SLOT), List.of(), List.of(), A))
                .expectEvents(AWAITING);
    }

    @Test
    void the_granted_approval_confirms_what_is_held() {
        fixture.given(REQUESTED, AWAITING)
                .when(new ConfirmApprovedBooking(B, A))
                .expectEvents(new BookingConfirmed(B, R, List.of(SLOT), List.of(), List.of()));
    }

    @Test
    void a_verdict_of_another_approval_changes_nothing() {
        fixture.given(REQUESTED, AWAITING)
                .when(new ConfirmApprovedBooking(B, "apv-other"))
                .expectNoEvents();
    }

    @Test
    void a_rejected_or_expired_approval_declines_the_booking() {
        fixture.given(REQUESTED, AWAITING)
                .when(new DeclineBooking(B, A, BookingStatus.REJECTED, "olga", "painting"))
                .expectEvents(new BookingDeclined(B, R, A, BookingStatus.REJECTED, "olga", "painting"));
        fixture.given(REQUESTED, AWAITING)
                .when(new DeclineBooking(B, A, BookingStatus.EXPIRED, null, null))
                .expectEvents(new BookingDeclined(B, R, A, BookingStatus.EXPIRED, null, null));
    }

    @Test
    void cancelling_while_awaiting_names_the_open_approval() {
        fixture.given(REQUESTED, AWAITING)
                .when(new CancelBooking(B, "not needed", "alice", false))
                .expectEvents(new BookingCancelled(B, R, "not needed", A));
    }

    @Test
    void a_booking_awaiting_approval_cannot_be_moved() {
        fixture.given(REQUESTED, AWAITING)
                .when(new RequestReschedule(B, SLOT, "alice", false))
                .expectException(BookingStateException.class);
    }
}
