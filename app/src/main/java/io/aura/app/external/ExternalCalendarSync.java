package io.aura.app.external;

import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ExternalCalendars;
import io.aura.kernel.schedule.ScheduleCommands.RecordExternalBusy;
import io.aura.kernel.schedule.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
public class ExternalCalendarSync {
    private static final Logger log = LoggerFactory.getLogger(ExternalCalendarSync.class);

    /** The outcome of one read, kept per resource for the API and the operator. */
    public record Outcome(String resourceId, String mailbox, Instant readAt, TimeRange window, Integer busyTimes,
                          String error) {}

    private final ObjectProvider<ExternalCalendars> calendars;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration horizon;
    private final Map<String, Outcome> last = new ConcurrentHashMap<>();

    public ExternalCalendarSync(ObjectProvider<ExternalCalendars> calendars, QueryGateway queries,
                                CommandGateway commands, Clock clock,
                                @Value("${aura.graph.horizon:P60D}") Duration horizon) {
        this.calendars = calendars;
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        this.horizon = horizon;
    }

    public boolean configured() {
        return calendars.getIfAvailable() != null;
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
    public Outcome sync(String resourceId, String mailbox) {
        ExternalCalendars graph = calendars.getIfAvailable();
        Instant now = clock.instant();
        TimeRange window = new TimeRange(now, now.plus(horizon));
        Outcome outcome;
        if (graph == null) {
            outcome = new Outcome(resourceId, mailbox, now, window, null, "Microsoft Graph is not configured");
        } else {
            try {
                List<TimeRange> busy = graph.busy(mailbox, window);
                commands.sendAndWait(new RecordExternalBusy(resourceId, mailbox, window, busy));
                outcome = new Outcome(resourceId, mailbox, now, window, busy.size(), null);
            } catch (ExternalCalendars.Unavailable e) {
                log.warn("Outlook calendar {} of resource {} not read: {}", mailbox, resourceId, e.getMessage());
                outcome = new Outcome(resourceId, mailbox, now, window, null, e.getMessage());
            }
        }
        last.put(resourceId, outcome);
        return outcome;
    }

    public Optional<Outcome> lastOf(String resourceId) {
        return Optional.ofNullable(last.get(resourceId));
    }
}
