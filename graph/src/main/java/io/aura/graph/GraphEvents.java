package io.aura.graph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.aura.kernel.schedule.ExternalEvents;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes Aura's bookings into a room mailbox's Outlook calendar through the Graph SDK: one call per
 * attempt, never retried here (the outbox retries, at its own pace, without holding a thread), and cut
 * off after {@code timeout}. Graph's answers are sorted into what the outbox does next: 429 waits for
 * its {@code Retry-After}, 5xx and no answer are tried again later, any other 4xx is refused for good.
 */
public final class GraphEvents implements ExternalEvents {
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final GraphServiceClient graph;

    public GraphEvents(String baseUrl, AccessTokenProvider tokens, Duration timeout) {
        this.graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens),
                GraphClientFactory.create(new RequestOption[] {noRetries()}).connectTimeout(timeout)
                        .readTimeout(timeout).writeTimeout(timeout).callTimeout(timeout.multipliedBy(2)).build());
        this.graph.getRequestAdapter().setBaseUrl(baseUrl);
    }

    private static RetryHandlerOption noRetries() {
        return new RetryHandlerOption(RetryHandlerOption.DEFAULT_SHOULD_RETRY, 0, 0);
    }

    @Override
    public String create(String mailbox, String transactionId, String subject, TimeRange range) {
        Event event = times(range);
        event.setSubject(subject);
        event.setTransactionId(transactionId);
        event.setShowAs(FreeBusyStatus.Busy);
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Text);
        body.setContent("Booked in Aura Scheduler.");
        event.setBody(body);
        Event created = call("create an event in " + mailbox, () -> graph.users().byUserId(mailbox).events()
                .post(event, request -> request.options.add(noRetries())));
        if (created == null || created.getId() == null) {
            throw new Unavailable("Graph created an event in " + mailbox + " without naming it", null);
        }
        return created.getId();
    }

    @Override
    public void move(String mailbox, String eventId, TimeRange range) {
        call("move event " + eventId + " in " + mailbox, () -> graph.users().byUserId(mailbox).events()
                .byEventId(eventId).patch(times(range), request -> request.options.add(noRetries())));
    }

    @Override
    public void delete(String mailbox, String eventId) {
        try {
            call("delete event " + eventId + " in " + mailbox, () -> {
                graph.users().byUserId(mailbox).events().byEventId(eventId)
                        .delete(request -> request.options.add(noRetries()));
                return null;
            });
        } catch (NotFound gone) {
            // deleted already (by an earlier attempt whose answer was lost, or in Outlook): done
        }
    }

    /** Start and end in UTC, as Graph takes them. */
    private static Event times(TimeRange range) {
        Event event = new Event();
        event.setStart(utc(range.start()));
        event.setEnd(utc(range.end()));
        return event;
    }

    private static DateTimeTimeZone utc(Instant instant) {
        DateTimeTimeZone time = new DateTimeTimeZone();
        time.setDateTime(GRAPH_TIME.format(instant.atZone(ZoneOffset.UTC)));
        time.setTimeZone("UTC");
        return time;
    }

    /** A 404: the mailbox or the event is not there. */
    private static final class NotFound extends Refused {
        NotFound(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (ApiException e) {
            int status = e.getResponseStatusCode();
            String why = "Graph could not " + what + ": HTTP " + status + " " + e.getMessage();
            if (status == 429) {
                throw new Throttled(why, retryAfter(e));
            }
            if (status == 404) {
                throw new NotFound(why, e);
            }
            if (status >= 400 && status < 500 && status != 408) {
                throw new Refused(why, e);
            }
            throw new Unavailable(why, e); // 5xx, 408, or no status at all
        } catch (RuntimeException e) { // no answer: timeout, connection refused, the token endpoint down
            throw new Unavailable("Graph could not " + what + ": " + e, e);
        }
    }

    /** Graph's {@code Retry-After} in seconds (or as an HTTP date); half a minute when it names none. */
    static Duration retryAfter(ApiException e) {
        Collection<String> values = e.getResponseHeaders() == null ? null : e.getResponseHeaders().get("Retry-After");
        String value = values == null || values.isEmpty() ? null : List.copyOf(values).get(0).trim();
        if (value == null || value.isEmpty()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(), ZonedDateTime.parse(value,
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }
}
