package io.aura.gateway;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.FindHeldBookings;
import io.aura.kernel.identity.Role;
import io.aura.kernel.report.Reports;
import io.aura.kernel.report.TimesheetGrouping;
import io.aura.kernel.report.TimesheetRow;
import io.aura.kernel.report.UtilizationRow;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.TimeRange;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Timesheets and utilization for every entry point (HTTP API, web UI, command line through the API): fetches
 * the booking views and resources, and lets {@link Reports} count. Who sees what is decided here, once: a person
 * sees the rows of their own bookings; an administrator or auditor sees everyone's.
 */
@Component
public class Reporting {
    private final QueryGateway queries;

    public Reporting(QueryGateway queries) {
        this.queries = queries;
    }

    /** Whether the caller's timesheet covers everyone (otherwise only their own bookings). */
    public static boolean seesEveryone(Caller caller) {
        return caller.hasAny(Role.ADMIN, Role.AUDITOR);
    }

    public List<TimesheetRow> timesheet(Caller caller, TimeRange period, TimesheetGrouping grouping) {
        List<BookingView> held = held(period, seesEveryone(caller) ? null : caller.name());
        Map<String, ZoneId> zones = resources().stream().collect(Collectors.toMap(ResourceView::id, Reports::zoneOf));
        Function<String, ZoneId> zoneOf = id -> zones.getOrDefault(id, ZoneId.of("UTC"));
        return Reports.timesheet(held, period, grouping::keyOf, zoneOf);
    }

    /** Per resource per day: for administrators and auditors only. */
    public List<UtilizationRow> utilization(Caller caller, TimeRange period) {
        if (!seesEveryone(caller)) {
            throw new AccessDeniedException("utilization is for administrators and auditors");
        }
        return Reports.utilization(resources(), held(period, null), period);
    }

    private List<BookingView> held(TimeRange period, String requester) {
        return queries.query(new FindHeldBookings(period.start(), period.end(), requester),
                ResponseTypes.multipleInstancesOf(BookingView.class)).join();
    }

    private List<ResourceView> resources() {
        return queries.query(new ListResources(true), ResponseTypes.multipleInstancesOf(ResourceView.class)).join();
    }

}
