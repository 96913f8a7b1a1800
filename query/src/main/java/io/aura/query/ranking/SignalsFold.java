package io.aura.query.ranking;

import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.RankingSignals;
import io.aura.kernel.booking.RankingSignals.Key;
import io.aura.kernel.booking.RankingSignals.Tally;
import io.aura.kernel.resource.ResourceEvents.ResourceChanged;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.whatif.PolicyWhatIf.Recorded;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Learns {@link RankingSignals} from the recorded events, oldest first (ADR 0049): a fold with no
 * input but the events, so the same history always gives the same signals. Per resource, local
 * weekday and hour (in the resource's zone) and requester group (the highest role the requester
 * acted with):
 * <ul>
 *   <li>approvals: a request that waited for approval and was then confirmed (granted) or declined or
 *   expired, and the time from the request to that decision;</li>
 *   <li>use: each date held once confirmed, and those released unused: cancelled before they began, or
 *   marked a no-show;</li>
 *   <li>the choice after a refusal: the same requester's next request that was held within
 *   {@link #FOLLOW_UP} of a refusal, at the same time on another resource, at another time on the
 *   same resource, or something else.</li>
 * </ul>
 * Keeps only what is still open (requests undecided, refusals younger than a day) besides the counts.
 */
public final class SignalsFold {
    /** A held request this soon after its requester was refused counts as what they took instead. */
    public static final Duration FOLLOW_UP = Duration.ofHours(24);
    static final Duration DAY = Duration.ofHours(24);

    private final Map<String, ZoneId> zones = new HashMap<>();
    private final Map<String, Request> requests = new HashMap<>();
    private final Map<String, List<Refusal>> refusals = new HashMap<>();
    private final Map<Key, Counts> cells = new HashMap<>();

    private static final class Request {
        final String resourceId;
        final String requester;
        final String group;
        final TimeRange range;
        final Instant requestedAt;
        BookingStatus status = BookingStatus.REQUESTED;
        List<TimeRange> held = new ArrayList<>();

        Request(String resourceId, String requester, String group, TimeRange range, Instant requestedAt) {
            this.resourceId = resourceId;
            this.requester = requester;
            this.group = group;
            this.range = range;
            this.requestedAt = requestedAt;
        }
    }

    private record Refusal(String resourceId, TimeRange range, String group, Instant at) {}

    private static final class Counts {
        int decided;
        int approved;
        int approvedWithinDay;
        final List<Long> decisionMinutes = new ArrayList<>();
        int held;
        int releasedUnused;
        int sameTimeElsewhere;
        int sameResourceOtherTime;
        int otherChoice;

        void add(Counts o) {
            decided += o.decided;
            approved += o.approved;
            approvedWithinDay += o.approvedWithinDay;
            decisionMinutes.addAll(o.decisionMinutes);
            held += o.held;
            releasedUnused += o.releasedUnused;
            sameTimeElsewhere += o.sameTimeElsewhere;
            sameResourceOtherTime += o.sameResourceOtherTime;
            otherChoice += o.otherChoice;
        }

        Tally tally() {
            List<Long> sorted = decisionMinutes.stream().sorted().toList();
            long median = sorted.isEmpty() ? -1 : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            return new Tally(decided, approved, approvedWithinDay, median, held, releasedUnused, sameTimeElsewhere,
                    sameResourceOtherTime, otherChoice);
        }
    }

    /** The signals of a whole history, oldest event first. */
    public static RankingSignals of(List<Recorded> history) {
        SignalsFold fold = new SignalsFold();
        history.forEach(fold::apply);
        return fold.signals();
    }

    /** Folds in one more event (anything it does not learn from is ignored). */
    public void apply(Recorded recorded) {
        Instant at = recorded.at();
        switch (recorded.event()) {
            case ResourceRegistered e -> zones.put(e.resourceId(), zone(e.spec().timeZone()));
            case ResourceChanged e -> zones.put(e.resourceId(), zone(e.spec().timeZone()));
            case BookingRequested e -> requests.put(e.bookingId(), new Request(e.resourceId(), e.requester(),
                    RankingSignals.groupOf(recorded.roles()), e.range(), at));
            case BookingRejected e -> {
                Request r = requests.remove(e.bookingId());
                if (r != null && r.requester != null) {
                    refusals.computeIfAbsent(r.requester, k -> new ArrayList<>())
                            .add(new Refusal(r.resourceId, r.range, r.group, at));
                }
            }
            case BookingAwaitingApproval e -> ifKnown(e.bookingId(), r -> {
                r.status = BookingStatus.PENDING_APPROVAL;
                tookAfterRefusal(r, at);
            });
            case BookingConfirmed e -> ifKnown(e.bookingId(), r -> {
                if (r.status == BookingStatus.PENDING_APPROVAL) {
                    decided(r, at, true);
                } else {
                    tookAfterRefusal(r, at);
                }
                r.status = BookingStatus.CONFIRMED;
                r.held = new ArrayList<>(e.held());
                r.held.forEach(date -> counts(r.resourceId, date, r.group).held++);
            });
            case BookingDeclined e -> ifKnown(e.bookingId(), r -> {
                // a declined move leaves a confirmed booking as it was: only a pending request ends here
                if (r.status == BookingStatus.PENDING_APPROVAL) {
                    requests.remove(e.bookingId());
                    decided(r, e.outcome() == BookingStatus.EXPIRED ? null : at, false);
                }
            });
            case BookingCancelled e -> {
                Request r = requests.remove(e.bookingId());
                if (r != null && r.status == BookingStatus.CONFIRMED) {
                    r.held.stream().filter(date -> date.start().isAfter(at))
                            .forEach(date -> counts(r.resourceId, date, r.group).releasedUnused++);
                }
            }
            case OccurrenceCancelled e -> ifKnown(e.bookingId(), r -> {
                if (r.status == BookingStatus.CONFIRMED && r.held.remove(e.occurrence())
                        && e.occurrence().start().isAfter(at)) {
                    counts(r.resourceId, e.occurrence(), r.group).releasedUnused++;
                }
            });
            case OccurrenceMarkedNoShow e -> ifKnown(e.bookingId(), r -> {
                if (r.held.remove(e.occurrence())) {
                    counts(r.resourceId, e.occurrence(), r.group).releasedUnused++;
                }
            });
            case BookingRescheduled e -> ifKnown(e.bookingId(), r -> {
                int i = r.held.indexOf(e.from());
                if (i >= 0) {
                    r.held.set(i, e.to());
                }
            });
            default -> {
                // not a fact the ranking learns from
            }
        }
    }

    /** What has been learned so far, at every level (hour and group, hour, group, resource). */
    public RankingSignals signals() {
        Map<Key, Counts> levels = new HashMap<>();
        cells.forEach((key, counts) -> {
            for (Key level : List.of(key, new Key(key.resourceId(), key.dayOfWeek(), key.hour(), null),
                    new Key(key.resourceId(), RankingSignals.ANY, RankingSignals.ANY, key.group()),
                    new Key(key.resourceId(), RankingSignals.ANY, RankingSignals.ANY, null))) {
                levels.computeIfAbsent(level, k -> new Counts()).add(counts);
            }
        });
        Map<Key, Tally> tallies = new HashMap<>();
        levels.forEach((key, counts) -> tallies.put(key, counts.tally()));
        return new RankingSignals(tallies);
    }

    private void ifKnown(String bookingId, java.util.function.Consumer<Request> change) {
        Request r = requests.get(bookingId);
        if (r != null) {
            change.accept(r);
        }
    }

    /** {@code at}: when it was decided (null: it expired undecided, which says nothing of how fast). */
    private void decided(Request r, Instant at, boolean approved) {
        Counts c = counts(r.resourceId, r.range, r.group);
        c.decided++;
        if (approved) {
            c.approved++;
            if (!Duration.between(r.requestedAt, at).minus(DAY).isPositive()) {
                c.approvedWithinDay++;
            }
        }
        if (at != null) {
            c.decisionMinutes.add(Duration.between(r.requestedAt, at).toMinutes());
        }
    }

    /** The requester's latest refusal within a day before this held request, if any, learns what was taken. */
    private void tookAfterRefusal(Request r, Instant at) {
        List<Refusal> mine = refusals.get(r.requester);
        if (mine == null) {
            return;
        }
        mine.removeIf(refusal -> Duration.between(refusal.at(), at).compareTo(FOLLOW_UP) > 0);
        Refusal latest = null;
        for (Iterator<Refusal> it = mine.iterator(); it.hasNext(); ) {
            latest = it.next();
        }
        if (latest == null) {
            refusals.remove(r.requester);
            return;
        }
        mine.remove(latest);
        Counts c = counts(latest.resourceId(), latest.range(), latest.group());
        boolean sameResource = latest.resourceId().equals(r.resourceId);
        if (!sameResource && latest.range().overlaps(r.range)) {
            c.sameTimeElsewhere++;
        } else if (sameResource && !latest.range().equals(r.range)) {
            c.sameResourceOtherTime++;
        } else {
            c.otherChoice++;
        }
    }

    private Counts counts(String resourceId, TimeRange date, String group) {
        ZonedDateTime local = date.start().atZone(zones.getOrDefault(resourceId, ZoneOffset.UTC));
        return cells.computeIfAbsent(new Key(resourceId, local.getDayOfWeek().getValue(), local.getHour(), group),
                k -> new Counts());
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }
}
