package io.aura.app.external;

import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.booking.BookingPrivacy;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingQueries.FindBookingsOf;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingQueries.FindCancelledBookings;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.feed.CalendarFeedCommands.IssueCalendarFeed;
import io.aura.kernel.feed.CalendarFeedCommands.RotateCalendarFeed;
import io.aura.kernel.feed.CalendarFeedLinks;
import io.aura.kernel.feed.CalendarFeedQueries.CalendarFeedView;
import io.aura.kernel.feed.CalendarFeedQueries.FindCalendarFeedBySecretHash;
import io.aura.kernel.feed.CalendarFeedQueries.FindCalendarFeedOf;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Calendar feeds behind secret URLs (ADR 0032): a person's links (issuing their secret on first ask),
 * rotating it, and the feed a secret opens, written from the booking views the query side already keeps.
 */
@Component
public class CalendarFeeds implements CalendarFeedLinks {
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);
    /** What a feed shows: the last month (recent changes) and the year ahead. */
    static final Duration PAST = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(366);
    /** The most bookings of one person a feed reads: far above a year of anyone's bookings. */
    private static final int MOST_BOOKINGS = 5000;

    private final ReadYourWrites commands;
    private final QueryGateway queries;
    private final FeedSecrets secrets;
    private final Clock clock;
    private final String baseUrl;

    public CalendarFeeds(ReadYourWrites commands, QueryGateway queries, FeedSecrets secrets, Clock clock,
                         @Value("${aura.public-url:http://localhost:8080}") String baseUrl) {
        this.commands = commands;
        this.queries = queries;
        this.secrets = secrets;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Links links(String ownerId) {
        CalendarFeedView feed = feedOf(ownerId).orElseGet(() -> issue(ownerId));
        return links(ownerId, feed);
    }

    @Override
    public Links rotate(String ownerId) {
        String nonce = secrets.newNonce();
        String hash = FeedSecrets.hash(secrets.secret(ownerId, nonce));
        CalendarFeedView feed = commands.sendAndAwait(new RotateCalendarFeed(ownerId, nonce, hash),
                        new FindCalendarFeedOf(ownerId), CalendarFeedView.class, v -> v.secretHash().equals(hash),
                        VISIBLE_WITHIN)
                .orElseThrow(() -> new IllegalStateException("the calendar feed view is late"));
        return links(ownerId, feed);
    }

    /**
     * The feed a secret opens, as RFC 5545 text: the owner's own bookings, or (resourceId given) that
     * resource's. Empty when the secret opens nothing (unknown, replaced, its owner gone or disabled) or
     * the resource is unknown: the caller cannot tell which.
     */
    public Optional<String> feed(String presentedSecret, String resourceId) {
        if (!FeedSecrets.wellFormed(presentedSecret)) {
            return Optional.empty();
        }
        Optional<CalendarFeedView> feed = queries.query(new FindCalendarFeedBySecretHash(
                        FeedSecrets.hash(presentedSecret)), ResponseTypes.optionalInstanceOf(CalendarFeedView.class))
                .join().filter(f -> FeedSecrets.matches(presentedSecret, f.secretHash()));
        Optional<UserView> owner = feed.flatMap(f -> queries.query(new FindUser(f.ownerId()),
                ResponseTypes.optionalInstanceOf(UserView.class)).join()).filter(u -> !u.disabled());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant from = now.minus(PAST);
        Instant to = now.plus(AHEAD);
        String name = owner.get().username();
        if (resourceId == null || resourceId.isEmpty()) {
            List<BookingView> mine = queries.query(new FindBookingsOf(name, MOST_BOOKINGS),
                    ResponseTypes.multipleInstancesOf(BookingView.class)).join().stream()
                    .filter(b -> overlaps(b, from, to)).toList();
            return Optional.of(IcsCalendar.write("Aura: " + name, mine, b -> true, now));
        }
        if (resourceId.length() > 100) {
            return Optional.empty();
        }
        Optional<ResourceView> resource = queries.query(new FindResource(resourceId),
                ResponseTypes.optionalInstanceOf(ResourceView.class)).join();
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        Set<String> ids = new LinkedHashSet<>();
        queries.query(new FindCalendar(from, to, resourceId), ResponseTypes.multipleInstancesOf(CalendarEntry.class))
                .join().forEach(e -> ids.add(e.bookingId()));
        List<BookingView> bookings = new ArrayList<>(ids.stream().map(id -> queries.query(new FindBooking(id),
                        ResponseTypes.optionalInstanceOf(BookingView.class)).join())
                .flatMap(Optional::stream).toList());
        // a cancelled booking stays, as cancelled, so that a subscribed calendar removes it (ADR 0035)
        queries.query(new FindCancelledBookings(from, to, resourceId),
                        ResponseTypes.multipleInstancesOf(BookingView.class)).join().stream()
                .filter(b -> !ids.contains(b.bookingId())).forEach(bookings::add);
        boolean seesAll = owner.get().roles().contains(Role.ADMIN) || owner.get().roles().contains(Role.AUDITOR);
        // others' titles never show in a resource's feed (ADR 0032); a private booking's only as the kernel says
        return Optional.of(IcsCalendar.write("Aura: " + resource.get().spec().name(), bookings,
                b -> (seesAll || name.equals(b.requester())) && BookingPrivacy.showsDetails(b.privateBooking(),
                        b.requester(), resource.get().spec(), name, owner.get().roles()), now));
    }

    private static boolean overlaps(BookingView b, Instant from, Instant to) {
        if (b.occurrences().isEmpty()) {
            return b.start().isBefore(to) && b.end().isAfter(from);
        }
        for (Occurrence o : b.occurrences()) {
            if (o.start().isBefore(to) && o.end().isAfter(from)) {
                return true;
            }
        }
        return false;
    }

    private Optional<CalendarFeedView> feedOf(String ownerId) {
        return queries.query(new FindCalendarFeedOf(ownerId), ResponseTypes.optionalInstanceOf(CalendarFeedView.class))
                .join();
    }

    private CalendarFeedView issue(String ownerId) {
        String nonce = secrets.newNonce();
        String hash = FeedSecrets.hash(secrets.secret(ownerId, nonce));
        try {
            return commands.sendAndAwait(new IssueCalendarFeed(ownerId, nonce, hash), new FindCalendarFeedOf(ownerId),
                    CalendarFeedView.class, v -> true, VISIBLE_WITHIN)
                    .orElseThrow(() -> new IllegalStateException("the calendar feed view is late"));
        } catch (RuntimeException raced) {
            // two first asks at once: one created the feed, the other lost the append; both show that one
            return commands.await(new FindCalendarFeedOf(ownerId), CalendarFeedView.class, v -> true, VISIBLE_WITHIN)
                    .orElseThrow(() -> raced);
        }
    }

    private Links links(String ownerId, CalendarFeedView feed) {
        String mine = baseUrl + "/ical/" + secrets.secret(ownerId, feed.nonce()) + ".ics";
        List<ResourceLink> resources = queries.query(new ListResources(false),
                        ResponseTypes.multipleInstancesOf(ResourceView.class)).join().stream()
                .map(r -> new ResourceLink(r.id(), mine + "?resourceId=" + URLEncoder.encode(r.id(),
                        StandardCharsets.UTF_8)))
                .toList();
        return new Links(mine, resources);
    }
}
