package io.aura.graph;

import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventCollectionResponse;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.calendarview.CalendarViewRequestBuilder;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.aura.kernel.schedule.ExternalCalendars;
import io.aura.kernel.schedule.ExternalEvents;
import io.aura.kernel.schedule.TimeRange;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A mailbox's busy times from its Outlook calendar: Graph's {@code calendarView} over the window
 * (occurrences of series expanded by Graph), times in UTC, every page followed. Entries shown as
 * free or working elsewhere, cancelled ones, and those Aura wrote itself take no time.
 */
public final class GraphCalendars implements ExternalCalendars {
    static final int PAGE = 250;
    private static final Set<FreeBusyStatus> FREE = Set.of(FreeBusyStatus.Free, FreeBusyStatus.WorkingElsewhere);

    private final GraphServiceClient graph;
    private final int retries;
    private final long retryDelaySeconds;

    /**
     * {@code retries} after a throttled or unavailable answer (429, 503, 504; Graph's Retry-After is
     * honoured), waiting {@code retryDelaySeconds} doubled each time: a sync runs again minutes later anyway.
     */
    public GraphCalendars(String baseUrl, AccessTokenProvider tokens, int retries, long retryDelaySeconds) {
        this.graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens));
        this.graph.getRequestAdapter().setBaseUrl(baseUrl);
        this.retries = retries;
        this.retryDelaySeconds = retryDelaySeconds;
    }

    private RetryHandlerOption retry() {
        return new RetryHandlerOption(RetryHandlerOption.DEFAULT_SHOULD_RETRY, retries, retryDelaySeconds);
    }

    @Override
    public List<TimeRange> busy(String mailbox, TimeRange window) {
        List<TimeRange> busy = new ArrayList<>();
        try {
            CalendarViewRequestBuilder view = graph.users().byUserId(mailbox).calendarView();
            EventCollectionResponse page = view.get(request -> {
                request.queryParameters.startDateTime = window.start().toString();
                request.queryParameters.endDateTime = window.end().toString();
                request.queryParameters.select = new String[] {"start", "end", "showAs", "isCancelled", "transactionId"};
                request.queryParameters.top = PAGE;
                request.headers.add("Prefer", "outlook.timezone=\"UTC\"");
                request.options.add(retry());
            });
            while (page != null) {
                for (Event event : page.getValue() == null ? List.<Event>of() : page.getValue()) {
                    TimeRange range = takes(event);
                    if (range != null && range.overlaps(window)) {
                        busy.add(range);
                    }
                }
                String next = page.getOdataNextLink();
                page = next == null ? null : view.withUrl(next).get(request -> {
                    request.headers.add("Prefer", "outlook.timezone=\"UTC\"");
                    request.options.add(retry());
                });
            }
        } catch (RuntimeException e) {
            throw new Unavailable("the calendar of " + mailbox + " could not be read: " + e.getMessage(), e);
        }
        return busy;
    }

    /**
     * The time an entry takes, or null when it takes none (free, cancelled, or without times), or when
     * Aura wrote it (ADR 0043): that is a booking Aura holds already, not a meeting in its way.
     */
    static TimeRange takes(Event event) {
        if (ExternalEvents.writtenByAura(event.getTransactionId())) {
            return null;
        }
        if (Boolean.TRUE.equals(event.getIsCancelled()) || (event.getShowAs() != null && FREE.contains(event.getShowAs()))) {
            return null;
        }
        if (event.getStart() == null || event.getEnd() == null) {
            return null;
        }
        var start = instant(event.getStart());
        var end = instant(event.getEnd());
        return end.isAfter(start) ? new TimeRange(start, end) : null;
    }

    /** Graph writes local date-times ("2026-12-01T09:00:00.0000000") with a zone beside them; we ask for UTC. */
    static java.time.Instant instant(DateTimeTimeZone time) {
        try {
            LocalDateTime local = LocalDateTime.parse(time.getDateTime());
            String zone = time.getTimeZone();
            ZoneId id = zone == null || zone.isBlank() || zone.equalsIgnoreCase("UTC") || zone.equals("tzone://Microsoft/Utc")
                    ? ZoneOffset.UTC : ZoneId.of(zone);
            return local.atZone(id).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("unreadable time " + time.getDateTime() + " " + time.getTimeZone(), e);
        }
    }
}
