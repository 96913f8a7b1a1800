package io.aura.app.external;

import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ExternalCalendarLinks;
import io.aura.kernel.schedule.ExternalCalendars;
import io.aura.kernel.schedule.ScheduleCommands.LinkExternalCalendar;
import io.aura.kernel.schedule.ScheduleCommands.RecordExternalBusy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads every linked Outlook calendar over the booking horizon and hands what it shows to the
 * resource's schedule, which records it only where it changed. Every node may do it: a read that
 * changes nothing records nothing. A calendar that cannot be read leaves what was known as it was.
 */
@Component
public class ExternalCalendarSync implements ExternalCalendarLinks {
    private static final java.util.regex.Pattern MAILBOX = java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
    private static final Logger log = LoggerFactory.getLogger(ExternalCalendarSync.class);

    private final ObjectProvider<ExternalCalendars> calendars;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final Duration horizon;
    private final Map<String, Link> last = new ConcurrentHashMap<>();
    private final OutlookOutbox writes;

    public ExternalCalendarSync(ObjectProvider<ExternalCalendars> calendars, QueryGateway queries,
                                CommandGateway commands, ReadYourWrites readYourWrites, Clock clock,
                                @Value("${aura.graph.horizon:P60D}") Duration horizon, OutlookOutbox writes) {
        this.writes = writes;
        this.readYourWrites = readYourWrites;
        this.calendars = calendars;
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        this.horizon = horizon;
    }

    @Override
    public boolean configured() {
        return calendars.getIfAvailable() != null;
    }

    @Override
    public Link link(String resourceId, String mailbox) {
        String box = mailbox == null || mailbox.isBlank() ? null : mailbox.trim().toLowerCase();
        if (box != null && (box.length() > io.aura.kernel.identity.UsernamePolicy.MAX_EMAIL_LENGTH
                || !MAILBOX.matcher(box).matches())) {
            throw new InvalidInputException(List.of(new FieldViolation("mailbox",
                    "must be a mailbox address such as room-a@contoso.com, or empty to unlink")));
        }
        readYourWrites.sendAndAwait(new LinkExternalCalendar(resourceId, box), new FindResource(resourceId),
                ResourceView.class, v -> java.util.Objects.equals(v.externalCalendar(), box), Duration.ofSeconds(10));
        if (box == null) {
            last.remove(resourceId);
            return new Link(resourceId, null, null, null, null);
        }
        return sync(resourceId, box);
    }

    @Override
    public Link read(String resourceId) {
        ResourceView resource = queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(
                ResourceView.class)).join().orElse(null);
        if (resource == null || resource.externalCalendar() == null) {
            throw new IllegalStateException("resource " + resourceId + " has no linked Outlook calendar");
        }
        return sync(resourceId, resource.externalCalendar());
    }

    @Override
    public List<Link> all() {
        return queries.query(new ListResources(), ResponseTypes.multipleInstancesOf(ResourceView.class)).join().stream()
                .filter(r -> r.externalCalendar() != null)
                .map(r -> withWrites(last.getOrDefault(r.id(), new Link(r.id(), r.externalCalendar(), null, null, null))))
                .toList();
    }

    /** The link with how its writes stand (ADR 0043): what waits, and what was given up, for an administrator. */
    private Link withWrites(Link link) {
        if (link.mailbox() == null) {
            return link;
        }
        return new Link(link.resourceId(), link.mailbox(), link.readAt(), link.busyTimes(), link.error(),
                writes.count(link.mailbox(), OutlookOutbox.Status.PENDING),
                writes.count(link.mailbox(), OutlookOutbox.Status.FAILED));
    }

    @Scheduled(fixedDelayString = "${aura.graph.sync-interval:PT5M}", initialDelayString = "${aura.graph.first-sync:PT30S}")
    public void syncAll() {
        if (!configured()) {
            return;
        }
        for (ResourceView resource : queries.query(new ListResources(), ResponseTypes.multipleInstancesOf(
                ResourceView.class)).join()) {
            if (resource.externalCalendar() != null) {
                sync(resource.id(), resource.externalCalendar());
            }
        }
    }

    /** Reads one calendar now, over [now, now + horizon), and hands it to the schedule. */
    Link sync(String resourceId, String mailbox) {
        ExternalCalendars graph = calendars.getIfAvailable();
        Instant now = clock.instant();
        TimeRange window = new TimeRange(now, now.plus(horizon));
        Link outcome;
        if (graph == null) {
            outcome = new Link(resourceId, mailbox, now, null, "Microsoft Graph is not configured");
        } else {
            try {
                List<TimeRange> busy = graph.busy(mailbox, window);
                commands.sendAndWait(new RecordExternalBusy(resourceId, mailbox, window, busy));
                outcome = new Link(resourceId, mailbox, now, busy.size(), null);
            } catch (ExternalCalendars.Unavailable e) {
                log.warn("Outlook calendar {} of resource {} not read: {}", mailbox, resourceId, e.getMessage());
                outcome = new Link(resourceId, mailbox, now, null, e.getMessage());
            }
        }
        last.put(resourceId, outcome);
        return withWrites(outcome);
    }
}
