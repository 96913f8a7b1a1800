package io.aura.saga;

import io.aura.kernel.MessageMetadata;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.waitlist.WaitlistCommands.FulfilWaitlistEntry;
import io.aura.kernel.waitlist.WaitlistCommands.ReturnWaitlistEntry;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryPromoted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.matchers.Matchers;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaitlistSagaTest {
    static final String R = "r-1";
    static final String B = "wl-booking-1";
    static final TimeRange SLOT = new TimeRange(Instant.parse("2030-01-02T09:00:00Z"),
            Instant.parse("2030-01-02T10:00:00Z"));
    static final WaitlistEntryPromoted PROMOTED = new WaitlistEntryPromoted("waitlist:r-1", "e-a", R, B, SLOT,
            "Standup", 4, List.of("dora@example.org"), "alice", List.of("APPROVER", "REQUESTER"));

    SagaTestFixture<WaitlistSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(WaitlistSaga.class);
    }

    @Test
    void a_promotion_requests_the_booking_for_the_entry_s_owner_with_the_roles_they_joined_with() {
        fixture.givenNoPriorActivity()
                // bob freed the slot: the promotion's event carries him as its actor
                .whenAggregate("waitlist:r-1").publishes(PROMOTED, Map.of(MessageMetadata.ACTOR, "bob"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RequestBooking(B, R, "Standup", SLOT, List.of(SLOT), null,
                        ConflictPolicy.ALL_OR_NOTHING, 4, List.of("dora@example.org"), null, "alice"))
                .expectDispatchedCommandsMatching(Matchers.exactSequenceOf(
                        new CustomTypeSafeMatcher<CommandMessage<?>>("asked as alice") {
                            @Override
                            protected boolean matchesSafely(CommandMessage<?> c) {
                                return "alice".equals(c.getMetaData().get(MessageMetadata.ACTOR))
                                        && "APPROVER,REQUESTER".equals(c.getMetaData().get(MessageMetadata.ACTOR_ROLES));
                            }
                        }));
    }

    @Test
    void a_promotion_s_booking_counts_against_the_quotas_found_when_its_owner_joined_without_looking_them_up() {
        ApplicableQuotas threeAWeek = ApplicableQuotas.of(List.of(new QuotaView("q-1",
                new QuotaSpec(null, null, "REQUESTER", null, QuotaPeriod.P1W, null, 3))), "Europe/Berlin");
        fixture.givenNoPriorActivity()
                .whenAggregate("waitlist:r-1").publishes(new WaitlistEntryPromoted("waitlist:r-1", "e-a", R, B, SLOT,
                        "Standup", 4, List.of("dora@example.org"), "alice", List.of("REQUESTER"), threeAWeek))
                .expectDispatchedCommands(new RequestBooking(B, R, "Standup", SLOT, List.of(SLOT), null,
                        ConflictPolicy.ALL_OR_NOTHING, 4, List.of("dora@example.org"), null, "alice", threeAWeek));
    }

    @Test
    void a_confirmed_booking_fulfils_the_entry_and_ends() {
        fixture.givenAggregate("waitlist:r-1").published(PROMOTED)
                .whenAggregate(B).publishes(new BookingConfirmed(B, R, List.of(SLOT), List.of(), List.of()))
                .expectDispatchedCommands(new FulfilWaitlistEntry(R, B))
                .expectActiveSagas(0);
    }

    @Test
    void a_booking_awaiting_approval_holds_the_slot_so_the_entry_is_fulfilled_too() {
        fixture.givenAggregate("waitlist:r-1").published(PROMOTED)
                .whenAggregate(B).publishes(new BookingAwaitingApproval(B, R, List.of(SLOT), List.of(), List.of(),
                        "apv-1"))
                .expectDispatchedCommands(new FulfilWaitlistEntry(R, B))
                .expectActiveSagas(0);
    }

    @Test
    void a_refused_booking_returns_the_entry_to_its_place_and_ends() {
        fixture.givenAggregate("waitlist:r-1").published(PROMOTED)
                .whenAggregate(B).publishes(new BookingRejected(B, R, List.of(), List.of(), List.of()))
                .expectDispatchedCommands(new ReturnWaitlistEntry(R, B))
                .expectActiveSagas(0);
    }

    @Test
    void bookings_the_waitlist_did_not_ask_for_are_none_of_its_business() {
        fixture.givenNoPriorActivity()
                .whenAggregate("other").publishes(new BookingConfirmed("other", R, List.of(SLOT), List.of(), List.of()))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
