package io.aura.app.notify;

/**
 * The calendar part (iTIP, RFC 5546) a booking's mail carries so that the booking lands in its
 * recipient's own calendar (ADR 0035). Written at the edge that writes the calendar feeds, from the
 * booking as it stands when the mail goes out: the outbox only asks and attaches.
 */
public interface CalendarInvitations {

    /** What a mail carries: nothing, a calendar part, or (the booking views not there yet) ask again shortly. */
    sealed interface Invitation {}

    /** No calendar part: the mail is not about a booking's place in a calendar, or the booking never held one. */
    record None() implements Invitation {}

    /** The booking views do not show what the mail is about yet: send it a moment later. */
    record NotYet() implements Invitation {}

    /** The mail is no longer true (a reminder of a date cancelled, moved or begun since): it is not sent. */
    record Dropped() implements Invitation {}

    /**
     * @param method   iTIP's METHOD, REQUEST or CANCEL (the part's content type names it too)
     * @param calendar the RFC 5545 text
     */
    record Part(String method, String calendar) implements Invitation {}

    Invitation of(InboxEntry mail);

    /** For an outbox that sends plain text only. */
    CalendarInvitations NONE = mail -> new None();
}
