package io.aura.app.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.ClaimRace;
import io.aura.app.external.OutlookOutbox.Booking;
import io.aura.app.external.OutlookOutbox.Delivery;
import io.aura.app.external.OutlookOutbox.Kind;
import io.aura.app.external.OutlookOutbox.OutlookDate;
import io.aura.app.external.OutlookOutbox.Status;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/** What every Outlook outbox does, whatever keeps it (ADR 0043): each adapter's test extends this with its own. */
abstract class OutlookOutboxContract {
    static final Instant T = Instant.parse("2030-01-07T09:00:00Z");
    static final TimeRange NINE = new TimeRange(T, T.plus(Duration.ofHours(1)));
    static final TimeRange TWO = new TimeRange(T.plus(Duration.ofHours(5)), T.plus(Duration.ofHours(6)));
    static final TimeRange NEXT_DAY = new TimeRange(T.plus(Duration.ofDays(1)), T.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
    static final String ROOM = "room-a@contoso.com";
    static final Duration LEASE = Duration.ofMinutes(2);

    abstract OutlookOutbox store();

    static Delivery delivery(String id, Instant date, Kind kind, TimeRange times, long order, Instant due) {
        return new Delivery(id, "b-1", date, ROOM, kind, "Board", times, order, Status.PENDING, 0, due, null, null);
    }

    @Test
    void a_requester_s_bookings_are_found_by_the_requester_this_batch_s_included() {
        store().saveBooking(new Booking("b-1", "r-1", "Board", "alice"));
        store().saveBooking(new Booking("b-2", "r-1", "Retro", "bob"));
        store().saveBooking(new Booking("b-0", "r-1", "Old one")); // kept before requesters were

        assertThat(store().bookingsOf("alice")).containsExactly(new Booking("b-1", "r-1", "Board", "alice"));
        assertThat(store().booking("b-1")).contains(new Booking("b-1", "r-1", "Board", "alice"));
        assertThat(store().bookingsOf("carol")).isEmpty();

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().saveBooking(new Booking("b-3", "r-2", "Offsite", "alice"));
            assertThat(store().bookingsOf("alice")).extracting(Booking::bookingId).containsExactlyInAnyOrder("b-1", "b-3");
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }
        assertThat(store().bookingsOf("alice")).extracting(Booking::bookingId).containsExactlyInAnyOrder("b-1", "b-3");
    }

    @Test
    void renamed_deliveries_of_a_booking_carry_the_new_subject_queued_done_or_in_the_batch_and_others_keep_theirs() {
        store().addDelivery(delivery("d-1", T, Kind.CREATE, NINE, 1, T));
        store().done("d-1", "AAMk-1");
        store().addDelivery(delivery("d-2", T, Kind.MOVE, TWO, 2, T));
        store().addDelivery(new Delivery("d-9", "b-9", T, ROOM, Kind.CREATE, "Someone else's", NINE, 1, Status.PENDING,
                0, T, null, null));

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().addDelivery(delivery("d-3", NEXT_DAY.start(), Kind.CREATE, NEXT_DAY, 3, T));
            store().renameDeliveries("b-1", "[erased]");
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }
        store().renameDeliveries("nothing", "[erased]");

        assertThat(store().deliveriesOf("b-1")).extracting(Delivery::id, Delivery::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple("d-1", "[erased]"), org.assertj.core.groups.Tuple.tuple("d-2", "[erased]"),
                org.assertj.core.groups.Tuple.tuple("d-3", "[erased]"));
        assertThat(store().deliveriesOf("b-9")).extracting(Delivery::subject).containsExactly("Someone else's");
    }

    @Test
    void links_bookings_and_dates_are_kept_as_the_processor_saw_them_last() {
        store().link("r-1", ROOM);
        store().link("r-2", "hall@contoso.com");
        store().link("r-2", null);
        store().saveBooking(new Booking("b-1", "r-1", "Board"));
        store().saveDate(new OutlookDate("b-1", NEXT_DAY.start(), ROOM, NEXT_DAY, true));
        store().saveDate(new OutlookDate("b-1", NINE.start(), ROOM, NINE, true));
        store().saveDate(new OutlookDate("b-1", NINE.start(), ROOM, TWO, false));

        assertThat(store().mailboxOf("r-1")).contains(ROOM);
        assertThat(store().mailboxOf("r-2")).isEmpty();
        assertThat(store().booking("b-1")).contains(new Booking("b-1", "r-1", "Board"));
        assertThat(store().booking("b-2")).isEmpty();
        assertThat(store().datesOf("b-1")).containsExactly(new OutlookDate("b-1", NINE.start(), ROOM, TWO, false),
                new OutlookDate("b-1", NEXT_DAY.start(), ROOM, NEXT_DAY, true));
    }

    @Test
    void a_delivery_queued_again_with_its_id_is_queued_once_as_it_was() {
        store().addDelivery(delivery("e-1:1", NINE.start(), Kind.CREATE, NINE, 1, T));
        store().addDelivery(delivery("e-1:1", NINE.start(), Kind.CREATE, TWO, 1, T));

        assertThat(store().deliveriesOf("b-1")).singleElement().extracting(Delivery::times).isEqualTo(NINE);
    }

    @Test
    void a_date_s_writes_go_in_order_other_dates_do_not_wait_and_a_claimed_one_is_not_claimed_again_while_leased() {
        store().addDelivery(delivery("create-9", NINE.start(), Kind.CREATE, NINE, 1, T));
        store().addDelivery(delivery("create-next", NEXT_DAY.start(), Kind.CREATE, NEXT_DAY, 1, T.plusSeconds(1)));
        store().addDelivery(delivery("move-9", NINE.start(), Kind.MOVE, TWO, 2, T.minusSeconds(10)));
        Instant now = T.plusSeconds(5);

        Delivery first = store().claimDue(now, now.plus(LEASE)).orElseThrow();
        Delivery second = store().claimDue(now, now.plus(LEASE)).orElseThrow();

        assertThat(first.id()).as("the move, due longest, waits for its date's create").isEqualTo("create-9");
        assertThat(second.id()).isEqualTo("create-next");
        assertThat(store().claimDue(now, now.plus(LEASE))).as("the move still waits; the creates are leased").isEmpty();

        store().done("create-9", "AAMk-1");
        Delivery move = store().claimDue(now, now.plus(LEASE)).orElseThrow();
        assertThat(move.id()).isEqualTo("move-9");
        assertThat(store().externalEventId("b-1", NINE.start())).contains("AAMk-1");
        assertThat(store().externalEventId("b-1", NEXT_DAY.start())).isEmpty();
    }

    @Test
    void a_failed_attempt_is_due_again_later_and_a_given_up_one_is_counted_for_its_mailbox() {
        store().addDelivery(delivery("create-9", NINE.start(), Kind.CREATE, NINE, 1, T));
        store().addDelivery(delivery("create-next", NEXT_DAY.start(), Kind.CREATE, NEXT_DAY, 1, T));
        Delivery claimed = store().claimDue(T, T.plus(LEASE)).orElseThrow();

        store().failed(claimed.id(), Status.PENDING, 1, "HTTP 500", T.plusSeconds(30));
        Delivery other = store().claimDue(T, T.plus(LEASE)).orElseThrow();
        store().failed(other.id(), Status.FAILED, 12, "HTTP 403", T);

        assertThat(store().claimDue(T.plusSeconds(29), T.plus(LEASE))).isEmpty();
        Delivery again = store().claimDue(T.plusSeconds(30), T.plus(LEASE)).orElseThrow();
        assertThat(again.id()).isEqualTo(claimed.id());
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.lastError()).isEqualTo("HTTP 500");
        assertThat(store().count(ROOM, Status.PENDING)).isEqualTo(1);
        assertThat(store().count(ROOM, Status.FAILED)).isEqualTo(1);
        assertThat(store().count("hall@contoso.com", Status.FAILED)).isZero();
        store().done(again.id(), "AAMk-9");
        assertThat(store().deliveriesOf("b-1")).extracting(Delivery::status).containsExactlyInAnyOrder(Status.DONE,
                Status.FAILED);
    }

    @Test
    void two_senders_claiming_at_the_same_time_take_each_delivery_once() throws Exception {
        for (int i = 0; i < 30; i++) {
            TimeRange day = new TimeRange(NINE.start().plus(Duration.ofDays(i)), NINE.end().plus(Duration.ofDays(i)));
            store().addDelivery(delivery("create-" + i, day.start(), Kind.CREATE, day, 1, T.minusSeconds(i)));
        }
        List<String> claimed = ClaimRace.twoSendersClaimEverything(
                () -> store().claimDue(T, T.plus(LEASE)).map(Delivery::id));

        assertThat(claimed).hasSize(30).doesNotHaveDuplicates();
    }
}
