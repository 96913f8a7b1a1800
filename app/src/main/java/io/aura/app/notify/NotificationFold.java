package io.aura.app.notify;

import io.aura.kernel.approval.ApprovalEvents.ApprovalCancelled;
import io.aura.kernel.approval.ApprovalEvents.ApprovalEscalated;
import io.aura.kernel.approval.ApprovalEvents.ApprovalExpired;
import io.aura.kernel.approval.ApprovalEvents.ApprovalGranted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelStarted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalOpened;
import io.aura.kernel.approval.ApprovalEvents.ApprovalRejected;
import io.aura.kernel.approval.ApprovalEvents.ApprovalReminderDue;
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenIssued;
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenRevoked;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RoleRevoked;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserDisabled;
import io.aura.kernel.identity.UserEvents.UserProfileChanged;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.privacy.PersonalData;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryFulfilled;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told what, event by event, and the inbox entry each one gets: pure, so a replay tells the
 * same people the same things live processing did, whichever store keeps them. What the functions
 * need from earlier events (recipients, who asked for an approval and what about — the booking's
 * title, resource and time —, a role's members) is passed in; the approval token is signed at the
 * edge and passed in too. The texts are English: they are stored and mailed as written (the inbox
 * renders them in the viewer's language from the entry's type and booking).
 */
final class NotificationFold {
    /** History met for the first time (a new node, a new version) older than this is listed but not mailed. */
    static final Duration STALE_AFTER = Duration.ofDays(1);

    /** One thing to tell one user. */
    record Notice(String user, String type, String bookingId, String approvalId, String link, String token,
                  String message) {}

    private final String baseUrl;

    /** @param baseUrl where the application is reached, without a trailing slash */
    NotificationFold(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static Recipient registered(UserRegistered e) {
        return new Recipient(e.username(), e.roles(), e.email());
    }

    /** Roles are added, never replaced: a redelivered grant adds nothing. A disabled user gains none. */
    static Recipient granted(Recipient r, RolesGranted e) {
        if (r.disabled()) {
            return r;
        }
        Set<Role> roles = new HashSet<>(r.roles());
        roles.addAll(e.roles());
        return new Recipient(r.username(), roles, r.email());
    }

    /** A revoked role stops bringing its notices (a revoked APPROVER is no longer asked). */
    static Recipient revoked(Recipient r, RoleRevoked e) {
        Set<Role> roles = new HashSet<>(r.roles());
        roles.remove(e.role());
        return new Recipient(r.username(), roles, r.email(), r.disabled());
    }

    /** A disabled user is a member of no role and is told nothing, not even by name (see {@link #reaches}). */
    static Recipient disabled(Recipient r, UserDisabled e) {
        return new Recipient(r.username(), Set.of(), r.email(), true);
    }

    /** Mail goes to the address the user has now; none after it was removed. */
    static Recipient profileChanged(Recipient r, UserProfileChanged e) {
        return new Recipient(r.username(), r.roles(), e.email(), r.disabled());
    }

    /** Whether a notice reaches its user: not when they are disabled (someone unknown here still is told). */
    static boolean reaches(Optional<Recipient> who) {
        return who.map(r -> !r.disabled()).orElse(true);
    }

    static ApprovalContext opened(ApprovalOpened e) {
        return opened(e, Optional.empty(), Optional.empty());
    }

    /**
     * An approval's context with its booking in words (title, resource, time in the resource's zone),
     * from what the inbox folded of the booking's request and the resource's registration.
     */
    static ApprovalContext opened(ApprovalOpened e, Optional<BookingTitle> booking, Optional<ResourcePlace> resource) {
        String zone = resource.map(ResourcePlace::timeZone).filter(NotificationFold::knownZone).orElse("UTC");
        return new ApprovalContext(e.approvalId(), e.bookingId(), e.resourceId(), e.requester(),
                subject(e.bookingId(), booking.map(BookingTitle::title), resource.map(ResourcePlace::name),
                        e.rescheduleTo() != null ? e.rescheduleTo() : e.firstOccurrence(), e.rescheduleTo() != null,
                        ZoneId.of(zone)), zone);
    }

    static BookingTitle requested(BookingRequested e) {
        return new BookingTitle(e.bookingId(), e.title(), e.resourceId(), e.requester());
    }

    static ResourcePlace registered(ResourceRegistered e) {
        return new ResourcePlace(e.resourceId(), e.spec().name(), e.spec().timeZone());
    }

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /**
     * A booking in words, as people know it: "booking “Budget” in Board room, Thu 10 Jan 2030,
     * 10:00–11:00 (Europe/Berlin)" — the time in the resource's zone, named. What is not known is left
     * out; without a title the booking's id stands in for it.
     */
    static String subject(String bookingId, Optional<String> title, Optional<String> resourceName, TimeRange when,
                          boolean move, ZoneId zone) {
        StringBuilder text = new StringBuilder("booking ")
                .append(title.map(t -> "“" + t + "”").orElse(bookingId));
        resourceName.ifPresent(name -> text.append(" in ").append(name));
        if (when != null) {
            ZonedDateTime from = when.start().atZone(zone);
            ZonedDateTime to = when.end().atZone(zone);
            text.append(move ? ", moving to " : ", ").append(DAY_AND_TIME.format(from)).append("–")
                    .append(from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to) : DAY_AND_TIME.format(to))
                    .append(" (").append(zone.getId()).append(")");
        }
        return text.toString();
    }

    /** The booking of an approval in words; "booking {id}" for a context kept before words were. */
    static String subject(String bookingId, Optional<ApprovalContext> approval) {
        return approval.map(ApprovalContext::subject).orElse("booking " + bookingId);
    }

    /** A deadline in the approval's resource's zone, named (UTC for a context kept before zones were). */
    static String deadline(Instant at, Optional<ApprovalContext> approval) {
        ZoneId zone = ZoneId.of(approval.map(ApprovalContext::timeZone).filter(NotificationFold::knownZone)
                .orElse("UTC"));
        return DAY_AND_TIME.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    static boolean knownZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The role an approval names, if it is one of ours (an unknown name has no members). */
    static Optional<Role> role(String name) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** Members of the level's role, less its named approvers (they are told with their token) and the requester. */
    static List<String> toAsk(List<String> members, List<String> namedApprovers, Optional<ApprovalContext> approval) {
        String requester = approval.map(ApprovalContext::requester).orElse(null);
        return members.stream().filter(member -> !namedApprovers.contains(member) && !member.equals(requester)).toList();
    }

    /** A named approver is asked with the link that decides with their token. */
    Notice tokenIssued(ApprovalTokenIssued e, String token, Optional<ApprovalContext> approval) {
        String link = baseUrl + "/approvals/decide?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return new Notice(e.approver(), "APPROVAL_REQUEST", e.bookingId(), e.approvalId(), link, token,
                "Please approve or reject " + subject(e.bookingId(), approval) + " (level " + (e.level() + 1)
                        + ") by " + deadline(e.expiresAt(), approval) + ": " + link);
    }

    /**
     * A level a role decides: its members hear of it too, with a link to their approvals inbox. Tokens
     * stay with named approvers (ADR 0008); members decide signed in. The requester is not asked.
     */
    List<Notice> levelStarted(ApprovalLevelStarted e, List<String> roleMembersToAsk,
                              Optional<ApprovalContext> approval) {
        return roleMembersToAsk.stream().map(member -> new Notice(member, "APPROVAL_REQUEST", e.bookingId(),
                e.approvalId(), baseUrl + "/inbox", null, capitalized(subject(e.bookingId(), approval))
                        + " awaits a decision by " + e.approverRole() + " (level " + (e.level() + 1) + ") until "
                        + deadline(e.expiresAt(), approval) + ": " + baseUrl + "/inbox")).toList();
    }

    Notice tokenRevoked(ApprovalTokenRevoked e, Optional<ApprovalContext> approval) {
        return new Notice(e.approver(), "APPROVAL_TOKEN_REVOKED", e.bookingId(), e.approvalId(), null, null,
                "Your approval link for " + subject(e.bookingId(), approval) + " no longer works: " + e.reason());
    }

    List<Notice> reminderDue(ApprovalReminderDue e, List<String> roleMembersToAsk, Optional<ApprovalContext> approval) {
        List<String> to = new ArrayList<>(e.approvers());
        to.addAll(roleMembersToAsk);
        return to.stream().map(approver -> new Notice(approver, "APPROVAL_REMINDER", e.bookingId(), e.approvalId(),
                baseUrl + "/inbox", null, "Reminder: " + subject(e.bookingId(), approval)
                        + " awaits your decision until " + deadline(e.expiresAt(), approval))).toList();
    }

    List<Notice> escalated(ApprovalEscalated e, List<String> membersOfAddedRole, Optional<ApprovalContext> approval) {
        List<String> to = new ArrayList<>(e.addedApprovers());
        to.addAll(membersOfAddedRole);
        return to.stream().distinct().map(user -> new Notice(user, "APPROVAL_ESCALATED", e.bookingId(), e.approvalId(),
                baseUrl + "/inbox", null, capitalized(subject(e.bookingId(), approval))
                        + " was not decided in time and is escalated to you"))
                .toList();
    }

    static Optional<Notice> granted(ApprovalGranted e, Optional<ApprovalContext> approval) {
        return toRequester(approval, e.approvalId(), "BOOKING_APPROVED", "Your " + subject(e.bookingId(), approval)
                + (e.rescheduleTo() == null ? " is approved and confirmed" : ": the move is approved"));
    }

    static Optional<Notice> rejected(ApprovalRejected e, Optional<ApprovalContext> approval) {
        return toRequester(approval, e.approvalId(), "BOOKING_REJECTED", "Your " + subject(e.bookingId(), approval)
                + (e.rescheduleTo() == null ? " was rejected" : ": the move was rejected") + " by " + e.by()
                + (e.comment() == null ? "" : ": " + e.comment()));
    }

    static Optional<Notice> expired(ApprovalExpired e, Optional<ApprovalContext> approval) {
        return toRequester(approval, e.approvalId(), "APPROVAL_EXPIRED", "Nobody decided on "
                + subject(e.bookingId(), approval) + " in time; "
                + (e.rescheduleTo() == null ? "it has expired" : "it stays where it was"));
    }

    static Optional<Notice> cancelled(ApprovalCancelled e, Optional<ApprovalContext> approval) {
        return toRequester(approval, e.approvalId(), "APPROVAL_CANCELLED", "The approval of "
                + subject(e.bookingId(), approval) + " was cancelled: " + e.reason());
    }

    /** A waitlist entry got its slot (ADR 0036): its owner is told which booking now holds it. */
    Notice waitlistFulfilled(WaitlistEntryFulfilled e, Optional<ResourcePlace> resource) {
        String zone = resource.map(ResourcePlace::timeZone).filter(NotificationFold::knownZone).orElse("UTC");
        return new Notice(e.owner(), "WAITLIST_BOOKED", e.bookingId(), null,
                baseUrl + "/bookings", null,
                "The slot you waited for came free: your " + subject(e.bookingId(), Optional.ofNullable(e.title()),
                        resource.map(ResourcePlace::name), e.range(), false, ZoneId.of(zone)) + " holds it now");
    }

    /**
     * A date nobody checked in to was released (ADR 0033): its requester is told which, and that the room
     * is free again for others.
     */
    static Notice noShow(OccurrenceMarkedNoShow e, Optional<BookingTitle> booking, Optional<ResourcePlace> resource) {
        String zone = resource.map(ResourcePlace::timeZone).filter(NotificationFold::knownZone).orElse("UTC");
        return new Notice(e.requester(), "BOOKING_NO_SHOW", e.bookingId(), null, null, null, "Nobody checked in to your "
                + subject(e.bookingId(), booking.map(BookingTitle::title), resource.map(ResourcePlace::name),
                        e.occurrence(), false, ZoneId.of(zone))
                + " in time: it was released as a no-show and others may book it now");
    }

    private static Optional<Notice> toRequester(Optional<ApprovalContext> approval, String approvalId, String type,
                                                String text) {
        return approval.filter(a -> a.requester() != null)
                .map(a -> new Notice(a.requester(), type, a.bookingId(), approvalId, null, null, text));
    }

    /**
     * A booking's own news for its requester: confirmed, moved, cancelled (as a whole or one date). Their
     * mails carry the booking for the requester's calendar (iTIP, ADR 0035). Nobody is told of a booking
     * kept from before its requester was (nor one whose request this inbox never saw).
     */
    static Optional<Notice> confirmed(BookingConfirmed e, Optional<BookingTitle> booking,
                                      Optional<ResourcePlace> resource) {
        TimeRange first = e.held().isEmpty() ? null : e.held().getFirst();
        return toRequester(booking, "BOOKING_CONFIRMED", "Your " + bookingSubject(booking, resource, first)
                + (e.held().size() > 1 ? " (the first of " + e.held().size() + " dates)" : "") + " is confirmed");
    }

    static Optional<Notice> rescheduled(BookingRescheduled e, Optional<BookingTitle> booking,
                                        Optional<ResourcePlace> resource) {
        return toRequester(booking, "BOOKING_MOVED", "Your " + bookingSubject(booking, resource, null)
                + " was moved to " + span(e.to(), zoneOf(resource)));
    }

    static Optional<Notice> cancelled(BookingCancelled e, Optional<BookingTitle> booking,
                                      Optional<ResourcePlace> resource) {
        return toRequester(booking, "BOOKING_CANCELLED", "Your " + bookingSubject(booking, resource, null)
                + " is cancelled" + (e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason()));
    }

    static Optional<Notice> occurrenceCancelled(OccurrenceCancelled e, Optional<BookingTitle> booking,
                                                Optional<ResourcePlace> resource) {
        return toRequester(booking, "OCCURRENCE_CANCELLED", "The date " + span(e.occurrence(), zoneOf(resource))
                + " of your " + bookingSubject(booking, resource, null) + " is cancelled");
    }

    private static Optional<Notice> toRequester(Optional<BookingTitle> booking, String type, String text) {
        return booking.filter(b -> b.requester() != null)
                .map(b -> new Notice(b.requester(), type, b.id(), null, null, null, text));
    }

    private static String bookingSubject(Optional<BookingTitle> booking, Optional<ResourcePlace> resource,
                                         TimeRange when) {
        return subject(booking.map(BookingTitle::id).orElse(""), booking.map(BookingTitle::title),
                resource.map(ResourcePlace::name), when, false, zoneOf(resource));
    }

    private static ZoneId zoneOf(Optional<ResourcePlace> resource) {
        return ZoneId.of(resource.map(ResourcePlace::timeZone).filter(NotificationFold::knownZone).orElse("UTC"));
    }

    /** A span of time in words, in a zone, named: "Thu 10 Jan 2030, 10:00–11:00 (Europe/Berlin)". */
    private static String span(TimeRange when, ZoneId zone) {
        ZonedDateTime from = when.start().atZone(zone);
        ZonedDateTime to = when.end().atZone(zone);
        return DAY_AND_TIME.format(from) + "–" + (from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to)
                : DAY_AND_TIME.format(to)) + " (" + zone.getId() + ")";
    }

    // ---- erasure (ADR 0046): what the inbox keeps of a person, forgotten ---------------------------------

    /** An erased person: no address, no role, told nothing more. */
    static Recipient erased(Recipient r) {
        return new Recipient(r.username(), Set.of(), null, true);
    }

    /** A booking its erased requester asked for: what later notices call it reads as erased. */
    static BookingTitle erased(BookingTitle b) {
        return new BookingTitle(b.id(), b.title() == null ? null : PersonalData.ERASED, b.resourceId(), b.requester());
    }

    /** An approval of an erased requester's booking: its booking in words with the title erased. */
    static ApprovalContext erased(ApprovalContext a, String title) {
        return new ApprovalContext(a.id(), a.bookingId(), a.resourceId(), a.requester(), withoutTitle(a.subject(), title),
                a.timeZone());
    }

    /**
     * An entry that mentions {@code username}: in anyone's inbox, the title of their booking ({@code title}, null
     * when the entry is about no booking of theirs) reads as erased, and so does a comment they wrote on a booking
     * they rejected ("… was rejected by {username}: {comment}", as {@link #rejected} words it); in their own inbox
     * the address is gone and a mail not yet sent never will be. Seeing it twice changes nothing.
     */
    static InboxEntry erased(InboxEntry e, String username, String title) {
        String message = withoutTitle(e.message(), title);
        String by = " by " + username + ": ";
        if (message != null && "BOOKING_REJECTED".equals(e.type()) && message.contains(by)) {
            message = message.substring(0, message.indexOf(by) + by.length()) + PersonalData.ERASED;
        }
        boolean theirs = username.equals(e.user());
        return new InboxEntry(e.id(), e.user(), e.type(), e.bookingId(), e.approvalId(), e.link(), e.token(), message,
                e.createdAt(), theirs ? null : e.email(),
                theirs && e.mailStatus() == MailStatus.PENDING ? MailStatus.NO_ADDRESS : e.mailStatus(),
                e.mailAttempts(), e.mailNextAttemptAt(), theirs ? null : e.mailError());
    }

    /** {@code text} with {@code title} erased where the texts quote it (in English “…”, in German „…“). */
    private static String withoutTitle(String text, String title) {
        if (text == null || title == null || title.isEmpty()) {
            return text;
        }
        return text.replace("“" + title + "”", "“" + PersonalData.ERASED + "”")
                .replace("„" + title + "“", "„" + PersonalData.ERASED + "“");
    }

    /**
     * The inbox entry of a notice caused by event {@code eventId} at {@code at}, and whether its mail
     * is to be sent: never for a replay, nor without an SMTP server or an address, nor for history
     * older than {@link #STALE_AFTER} at {@code now}. Kept to the millisecond, as every store keeps it.
     */
    static InboxEntry entry(String eventId, Instant at, Notice notice, Optional<Recipient> who, boolean replay,
                            boolean mailEnabled, Instant now) {
        String email = who.map(Recipient::email).filter(address -> !address.isBlank()).orElse(null);
        boolean stale = at.isBefore(now.minus(STALE_AFTER));
        MailStatus mail = replay ? MailStatus.REPLAYED : !mailEnabled ? MailStatus.OFF
                : email == null ? MailStatus.NO_ADDRESS : stale ? MailStatus.STALE : MailStatus.PENDING;
        Instant created = at.truncatedTo(ChronoUnit.MILLIS);
        return new InboxEntry(eventId + ":" + notice.user(), notice.user(), notice.type(), notice.bookingId(),
                notice.approvalId(), notice.link(), notice.token(), notice.message(), created, email, mail, 0, created,
                null);
    }
}
