package io.aura.command.waitlist;

import io.aura.command.Fixtures;
import io.aura.command.booking.BookingStateException;
import io.aura.command.booking.NotOwnerException;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.waitlist.WaitlistCommands.FulfilWaitlistEntry;
import io.aura.kernel.waitlist.WaitlistCommands.JoinWaitlist;
import io.aura.kernel.waitlist.WaitlistCommands.LeaveWaitlist;
import io.aura.kernel.waitlist.WaitlistCommands.OfferFreedTime;
import io.aura.kernel.waitlist.WaitlistCommands.ReturnWaitlistEntry;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryExpired;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryFulfilled;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryPromoted;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryReturned;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistJoined;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistLeft;
import io.aura.kernel.waitlist.Waitlists;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaitlistTest {
    static final String R = "r-1";
    static final String W = "waitlist:r-1";
    static final Instant NOW = Instant.parse("2030-01-01T08:00:00Z");
    static final TimeRange NINE = range("09:00", "10:00");
    static final TimeRange NINE_TO_ELEVEN = range("09:00", "11:00");
    static final TimeRange TEN = range("10:00", "11:00");
    static final List<String> REQUESTER = List.of("REQUESTER");

    static final WaitlistJoined ALICE_NINE = joined("e-a", 1, NINE, "alice");
    static final WaitlistJoined BOB_NINE = joined("e-b", 2, NINE, "bob");
    static final WaitlistJoined CAROL_TEN = joined("e-c", 3, TEN, "carol");

    FixtureConfiguration<Waitlist> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(Waitlist.class);
    }

    static TimeRange range(String from, String to) {
        return new TimeRange(Instant.parse("2030-01-02T" + from + ":00Z"), Instant.parse("2030-01-02T" + to + ":00Z"));
    }

    static WaitlistJoined joined(String entryId, long sequence, TimeRange range, String owner) {
        return new WaitlistJoined(W, entryId, R, sequence, range, "Standup", 4, List.of(), owner, REQUESTER);
    }

    static JoinWaitlist join(String entryId, TimeRange range, String owner) {
        return new JoinWaitlist(entryId, R, range, "Standup", 4, List.of(), owner, REQUESTER);
    }

    static WaitlistEntryPromoted promoted(WaitlistJoined entry, int attempt) {
        return new WaitlistEntryPromoted(W, entry.entryId(), R, Waitlists.bookingIdFor(entry.entryId(), attempt),
                entry.range(), "Standup", 4, List.of(), entry.owner(), REQUESTER);
    }

    @Test
    void the_first_to_join_a_resource_s_waitlist_creates_it_first_in_line() {
        fixture.givenNoPriorActivity()
                .when(join("e-a", NINE, "alice"))
                .expectEvents(ALICE_NINE);
    }

    @Test
    void later_joiners_come_after_in_order() {
        fixture.given(ALICE_NINE)
                .when(join("e-b", NINE, "bob"))
                .expectEvents(BOB_NINE);
    }

    @Test
    void waiting_twice_for_the_same_slot_is_refused() {
        fixture.given(ALICE_NINE)
                .when(join("e-a2", NINE, "alice"))
                .expectException(BookingStateException.class)
                .expectNoEvents();
    }

    @Test
    void a_redelivered_join_records_nothing_new() {
        fixture.given(ALICE_NINE)
                .when(join("e-a", NINE, "alice"))
                .expectNoEvents();
    }

    @Test
    void a_join_breaking_a_booking_request_s_field_rules_is_refused_naming_the_field() {
        fixture.givenNoPriorActivity()
                .when(new JoinWaitlist("e-x", R, NINE, " ", 4, List.of(), "alice", REQUESTER))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void freed_time_promotes_the_first_waiting_entry_that_fits_not_the_one_behind_it() {
        fixture.given(ALICE_NINE, BOB_NINE, CAROL_TEN)
                .when(new OfferFreedTime(R, List.of(NINE), NOW))
                .expectEvents(promoted(ALICE_NINE, 1));
    }

    @Test
    void a_promotion_carries_the_quotas_its_owner_joined_under_so_its_booking_counts_against_them() {
        ApplicableQuotas threeAWeek = ApplicableQuotas.of(List.of(new QuotaView("q-1",
                new QuotaSpec(null, null, "REQUESTER", null, QuotaPeriod.P1W, null, 3))), "Europe/Berlin");
        WaitlistJoined aliceUnderAQuota = new WaitlistJoined(W, "e-a", R, 1, NINE, "Standup", 4, List.of(), "alice",
                REQUESTER, threeAWeek);
        fixture.givenNoPriorActivity()
                .when(new JoinWaitlist("e-a", R, NINE, "Standup", 4, List.of(), "alice", REQUESTER, threeAWeek))
                .expectEvents(aliceUnderAQuota);
        fixture.given(aliceUnderAQuota)
                .when(new OfferFreedTime(R, List.of(NINE), NOW))
                .expectEvents(new WaitlistEntryPromoted(W, "e-a", R, Waitlists.bookingIdFor("e-a", 1), NINE, "Standup",
                        4, List.of(), "alice", REQUESTER, threeAWeek));
    }

    @Test
    void freed_time_wide_enough_for_two_slots_promotes_the_first_of_each() {
        fixture.given(ALICE_NINE, BOB_NINE, CAROL_TEN)
                .when(new OfferFreedTime(R, List.of(NINE_TO_ELEVEN), NOW))
                .expectEvents(promoted(ALICE_NINE, 1), promoted(CAROL_TEN, 1));
    }

    @Test
    void freed_time_shorter_than_the_slot_promotes_nobody() {
        fixture.given(ALICE_NINE)
                .when(new OfferFreedTime(R, List.of(range("09:00", "09:30")), NOW))
                .expectNoEvents();
    }

    @Test
    void while_a_promotion_is_in_flight_nobody_else_is_promoted_for_the_same_slot() {
        fixture.given(ALICE_NINE, BOB_NINE, promoted(ALICE_NINE, 1))
                .when(new OfferFreedTime(R, List.of(NINE), NOW))
                .expectNoEvents();
    }

    @Test
    void a_refused_promotion_returns_the_entry_to_its_place_and_the_next_offer_promotes_it_again() {
        String first = Waitlists.bookingIdFor("e-a", 1);
        fixture.given(ALICE_NINE, BOB_NINE, promoted(ALICE_NINE, 1))
                .when(new ReturnWaitlistEntry(R, first))
                .expectEvents(new WaitlistEntryReturned(W, "e-a", R, first));
        fixture.given(ALICE_NINE, BOB_NINE, promoted(ALICE_NINE, 1), new WaitlistEntryReturned(W, "e-a", R, first))
                .when(new OfferFreedTime(R, List.of(NINE), NOW))
                .expectEvents(promoted(ALICE_NINE, 2));
    }

    @Test
    void a_held_promotion_fulfils_the_entry_and_the_next_one_is_first_for_the_slot() {
        String first = Waitlists.bookingIdFor("e-a", 1);
        fixture.given(ALICE_NINE, BOB_NINE, promoted(ALICE_NINE, 1))
                .when(new FulfilWaitlistEntry(R, first))
                .expectEvents(new WaitlistEntryFulfilled(W, "e-a", R, first, "alice", NINE, "Standup"));
        fixture.given(ALICE_NINE, BOB_NINE, promoted(ALICE_NINE, 1),
                        new WaitlistEntryFulfilled(W, "e-a", R, first, "alice", NINE, "Standup"))
                .when(new OfferFreedTime(R, List.of(NINE), NOW))
                .expectEvents(promoted(BOB_NINE, 1));
    }

    @Test
    void an_outcome_for_a_booking_the_waitlist_did_not_ask_for_changes_nothing() {
        fixture.given(ALICE_NINE, promoted(ALICE_NINE, 1))
                .when(new FulfilWaitlistEntry(R, "someone-else"))
                .expectNoEvents();
    }

    @Test
    void entries_whose_slot_has_begun_expire_instead_of_being_promoted() {
        fixture.given(ALICE_NINE, CAROL_TEN)
                .when(new OfferFreedTime(R, List.of(NINE_TO_ELEVEN), NINE.start().plusSeconds(60)))
                .expectEvents(new WaitlistEntryExpired(W, "e-a", R), promoted(CAROL_TEN, 1));
    }

    @Test
    void the_owner_leaves_and_is_passed_over() {
        fixture.given(ALICE_NINE, BOB_NINE)
                .when(new LeaveWaitlist("e-a", R, "alice", false))
                .expectEvents(new WaitlistLeft(W, "e-a", R, "alice"));
        fixture.given(ALICE_NINE, BOB_NINE, new WaitlistLeft(W, "e-a", R, "alice"))
                .when(new OfferFreedTime(R, List.of(NINE), NOW))
                .expectEvents(promoted(BOB_NINE, 1));
    }

    @Test
    void someone_else_may_not_take_an_entry_off_but_an_admin_may() {
        fixture.given(ALICE_NINE)
                .when(new LeaveWaitlist("e-a", R, "bob", false))
                .expectException(NotOwnerException.class);
        fixture.given(ALICE_NINE)
                .when(new LeaveWaitlist("e-a", R, "admin", true))
                .expectEvents(new WaitlistLeft(W, "e-a", R, "admin"));
    }

    @Test
    void a_fulfilled_entry_cannot_be_left() {
        String first = Waitlists.bookingIdFor("e-a", 1);
        fixture.given(ALICE_NINE, promoted(ALICE_NINE, 1),
                        new WaitlistEntryFulfilled(W, "e-a", R, first, "alice", NINE, "Standup"))
                .when(new LeaveWaitlist("e-a", R, "alice", false))
                .expectException(BookingStateException.class);
    }

    @Test
    void after_leaving_the_same_slot_may_be_waited_for_again() {
        fixture.given(ALICE_NINE, new WaitlistLeft(W, "e-a", R, "alice"))
                .when(join("e-a2", NINE, "alice"))
                .expectEvents(joined("e-a2", 2, NINE, "alice"));
    }
}
