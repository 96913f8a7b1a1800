package io.aura.app.api.resource;

import io.aura.app.api.NotFoundException;
import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.FindBlackout;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Reasons;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.validation.TimeBounds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A holiday calendar (ICS) imported as blackouts (API.md v1.1 "Resources"): each all-day VEVENT closes
 * the resource for its whole local days in the resource's zone, the SUMMARY as the reason. The file is
 * parsed here, at the edge (ical4j); the schedule only sees AddBlackout. A holiday's blackout id is
 * derived from the resource, the event's UID and the date, so importing the same file again adds nothing.
 */
@RestController
@Tag(name = "Resources")
public class HolidayController {
    /** More than any holiday calendar holds for a few years: bounds the commands one request can cause. */
    static final int MAX_DAYS = 2000;
    private static final Duration READ_SIDE_TIMEOUT = Duration.ofSeconds(20);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final CommandGateway commands;

    public HolidayController(ReadYourWrites readYourWrites, QueryGateway queries, CommandGateway commands) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.commands = commands;
    }

    /** {@code skipped}: events that are not all-day, and days imported before. */
    public record HolidayImport(int imported, int skipped) {}

    private record Holiday(String blackoutId, TimeRange day, String reason) {}

    @Operation(summary = "Import a holiday calendar (ADMIN): body text/calendar; each all-day VEVENT becomes a blackout "
            + "over its whole local days in the resource's zone (reason: its SUMMARY). Importing the same file again "
            + "adds nothing; a body that is not ICS is 400 naming body",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string"))))
    @PostMapping(value = "/api/resources/{resourceId}/holidays")
    @PreAuthorize("hasRole('ADMIN')")
    public HolidayImport importHolidays(@PathVariable String resourceId,
                                        @RequestBody(required = false) String body) {
        Calendar calendar = parse(body);
        ResourceView resource = queries.query(new FindResource(resourceId),
                        ResponseTypes.optionalInstanceOf(ResourceView.class)).join()
                .orElseThrow(() -> new NotFoundException("No resource " + resourceId));
        ZoneId zone = ZoneId.of(resource.spec().timeZone());
        int skipped = 0;
        Map<String, Holiday> days = new LinkedHashMap<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            Optional<DtStart<java.time.temporal.Temporal>> start = event.getStartDate();
            if (start.isEmpty() || !(start.get().getDate() instanceof LocalDate first)) {
                skipped++; // a meeting with a time of day is no holiday
                continue;
            }
            Optional<DtEnd<java.time.temporal.Temporal>> end = event.getEndDate(false);
            LocalDate until = end.isPresent() && end.get().getDate() instanceof LocalDate last && last.isAfter(first)
                    ? last : first.plusDays(1);
            String uid = event.<Property>getProperty(Property.UID).map(Property::getValue).orElse("");
            String reason = reason(event.<Property>getProperty(Property.SUMMARY).map(Property::getValue).orElse(null));
            for (LocalDate day = first; day.isBefore(until); day = day.plusDays(1)) {
                if (days.size() >= MAX_DAYS) {
                    throw new InvalidInputException(List.of(FieldViolation.of("body", Rule.NOT_ICALENDAR,
                            "more than " + MAX_DAYS + " days")));
                }
                TimeRange range = new TimeRange(day.atStartOfDay(zone).toInstant(),
                        day.plusDays(1).atStartOfDay(zone).toInstant());
                if (!TimeBounds.outside(range).isEmpty()) {
                    throw new InvalidInputException(List.of(FieldViolation.of("body", Rule.INSTANT_OUT_OF_RANGE)));
                }
                String id = UUID.nameUUIDFromBytes((resourceId + "|" + uid + "|" + day)
                        .getBytes(StandardCharsets.UTF_8)).toString();
                if (days.putIfAbsent(id, new Holiday(id, range, reason)) != null) {
                    skipped++; // the same UID and date twice in one file
                }
            }
        }
        // decided before anything is sent: a refused file records nothing
        List<Holiday> fresh = new ArrayList<>();
        for (Holiday h : days.values()) {
            boolean known = queries.query(new FindBlackout(h.blackoutId()),
                    ResponseTypes.optionalInstanceOf(BlackoutView.class)).join().isPresent();
            if (known) {
                skipped++;
            } else {
                fresh.add(h);
            }
        }
        for (int i = 0; i < fresh.size(); i++) {
            Holiday h = fresh.get(i);
            AddBlackout command = new AddBlackout(resourceId, h.blackoutId(), h.day(), h.reason());
            if (i == fresh.size() - 1) {
                // the views take a resource's events in order: once the last is there, all are
                readYourWrites.sendAndAwait(command, new FindBlackout(h.blackoutId()), BlackoutView.class, b -> true,
                        READ_SIDE_TIMEOUT);
            } else {
                commands.sendAndWait(command);
            }
        }
        return new HolidayImport(fresh.size(), skipped);
    }

    private static Calendar parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException(List.of(FieldViolation.of("body", Rule.REQUIRED)));
        }
        try {
            return new CalendarBuilder().build(new StringReader(body));
        } catch (ParserException | IOException | RuntimeException e) {
            throw new InvalidInputException(List.of(FieldViolation.of("body", Rule.NOT_ICALENDAR,
                    firstLine(e.getMessage()))));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("unreadable").strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** A SUMMARY as a blackout's reason: within the reason's bounds, or none when it cannot be made so. */
    private static String reason(String summary) {
        if (summary == null || summary.isBlank()) {
            return null;
        }
        String cleaned = summary.codePoints().filter(c -> !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (cleaned.length() > Reasons.MAX_LENGTH) {
            cleaned = cleaned.substring(0, Reasons.MAX_LENGTH);
        }
        return cleaned.isEmpty() || Reasons.tooLong(cleaned).isPresent() ? null : cleaned;
    }
}
