package io.aura.app.external;

import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Aura still has to write into linked Outlook calendars (ADR 0043), and what the Outlook processor
 * knows to decide it: the resources' links as it has seen them, the bookings requested on a linked
 * resource (their titles), and the dates it put into Outlook with their times now. The processor fills
 * it from booking events; {@link OutlookWriteBack} drains the deliveries. Adapters: {@link SqlOutlookOutbox}
 * (the processor's writes commit with its token, so an event queues its deliveries exactly once) and
 * {@link MongoOutlookOutbox} (deliveries are insert-only, so a redelivered event queues nothing twice).
 */
public interface OutlookOutbox {

    enum Kind { CREATE, MOVE, DELETE }

    enum Status {
        /** Waiting (due at its next attempt, after the earlier deliveries of its date). */
        PENDING,
        DONE,
        /** Given up: refused by Graph, or still failing after the last attempt. An administrator sees it. */
        FAILED
    }

    /**
     * A booking requested on a linked resource: what its Outlook events are called, and who asked for it
     * ({@code requester}, null in those kept before it was: ADR 0046 forgets a requester's titles by it).
     */
    record Booking(String bookingId, String resourceId, String title, String requester) {
        public Booking(String bookingId, String resourceId, String title) {
            this(bookingId, resourceId, title, null);
        }
    }

    /**
     * A date of a booking written (or to be written) into {@code mailbox}: {@code date} is its start as
     * confirmed (its key, also in its transaction id), {@code times} where it is now; {@code live} until
     * it is cancelled or released.
     */
    record OutlookDate(String bookingId, Instant date, String mailbox, TimeRange times, boolean live) {}

    /**
     * One write to Graph. {@code id} (the event's and the date's) makes it once per event; {@code order}
     * (the event's sequence in its booking) puts the writes of one date in order.
     */
    record Delivery(String id, String bookingId, Instant date, String mailbox, Kind kind, String subject,
                    TimeRange times, long order, Status status, int attempts, Instant nextAttemptAt,
                    String externalEventId, String lastError) {}

    // ---- written by the processor ----------------------------------------------------------------

    /** The resource's calendar is {@code mailbox} now (null: unlinked). */
    void link(String resourceId, String mailbox);

    Optional<String> mailboxOf(String resourceId);

    void saveBooking(Booking booking);

    Optional<Booking> booking(String bookingId);

    void saveDate(OutlookDate date);

    /** The dates of a booking, earliest key first. */
    List<OutlookDate> datesOf(String bookingId);

    /** Queues a delivery unless one with its id is there already (then that one stays as it is). */
    void addDelivery(Delivery delivery);

    /** The bookings {@code requester} asked for, as kept here, this batch's included; in no particular order. */
    List<Booking> bookingsOf(String requester);

    /**
     * Every delivery of the booking, queued or done, carries {@code subject} from now on (its requester was
     * erased, ADR 0046); this batch's included.
     */
    void renameDeliveries(String bookingId, String subject);

    // ---- drained by the sender -------------------------------------------------------------------

    /**
     * Claims the PENDING delivery due longest whose date has no earlier PENDING delivery, by moving its
     * next attempt to {@code leaseUntil}: of several senders each delivery goes to one only.
     */
    Optional<Delivery> claimDue(Instant now, Instant leaseUntil);

    /** The Outlook event written for a date, once a delivery made it. */
    Optional<String> externalEventId(String bookingId, Instant date);

    /** Written: DONE, one attempt more; {@code externalEventId} when it created the event. */
    void done(String deliveryId, String externalEventId);

    /** Not written: PENDING again at {@code nextAttemptAt}, or FAILED. */
    void failed(String deliveryId, Status status, int attempts, String error, Instant nextAttemptAt);

    /** The deliveries of a booking, in the order they were queued. */
    List<Delivery> deliveriesOf(String bookingId);

    /** How many deliveries to {@code mailbox} are in {@code status}. */
    long count(String mailbox, Status status);
}
