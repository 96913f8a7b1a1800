package io.aura.ui.report;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.aura.gateway.Caller;
import io.aura.gateway.Reporting;
import io.aura.kernel.report.Reports;
import io.aura.kernel.report.TimesheetGrouping;
import io.aura.kernel.report.TimesheetRow;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.TimeRange;
import io.aura.ui.DatePickerTexts;
import io.aura.ui.MainLayout;
import io.aura.ui.ResourceDirectory;
import io.aura.ui.UserZone;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Timesheets: per week, the bookings, minutes and checked-in minutes of each person or resource over the chosen
 * days (the viewer's own bookings; an administrator's or auditor's: everyone's), as on {@code GET /api/timesheets},
 * with the same figures as a CSV download.
 */
@Route(value = "timesheets", layout = MainLayout.class)
@PermitAll
public class TimesheetsView extends VerticalLayout implements HasDynamicTitle {
    private final Reporting reporting;
    private final Map<String, String> resourceNames;
    private final DatePicker from = DatePickerTexts.localize(new DatePicker());
    private final DatePicker to = DatePickerTexts.localize(new DatePicker());
    private final Select<TimesheetGrouping> groupBy = new Select<>();
    private final Grid<TimesheetRow> grid = new Grid<>(TimesheetRow.class, false);
    private final Span total = new Span();

    public TimesheetsView(Reporting reporting, ResourceDirectory resources) {
        this.reporting = reporting;
        this.resourceNames = resources.all().stream().collect(Collectors.toMap(ResourceView::id, r -> r.spec().name(),
                (a, b) -> a));
        java.util.Locale dates = DatePickerTexts.dates(getLocale());
        from.setLocale(dates);
        to.setLocale(dates);
        from.setLabel(getTranslation("report.from"));
        to.setLabel(getTranslation("report.until"));
        from.setHelperText(getTranslation("report.zone-helper"));
        from.setId("timesheet-from");
        to.setId("timesheet-to");
        LocalDate today = LocalDate.now(UserZone.current());
        from.setValue(today.minusWeeks(4));
        to.setValue(today.plusWeeks(4));
        groupBy.setLabel(getTranslation("report.group-by"));
        groupBy.setId("timesheet-group-by");
        groupBy.setItems(TimesheetGrouping.values());
        groupBy.setItemLabelGenerator(g -> getTranslation("report.group-by." + g.name()));
        groupBy.setValue(TimesheetGrouping.USER);
        from.addValueChangeListener(e -> reload());
        to.addValueChangeListener(e -> reload());
        groupBy.addValueChangeListener(e -> reload());

        grid.setId("timesheet");
        grid.addColumn(TimesheetRow::week).setHeader(getTranslation("report.column.week")).setAutoWidth(true);
        grid.addColumn(this::label).setHeader(getTranslation("report.column.key")).setFlexGrow(1);
        var bookingsColumn = grid.addColumn(TimesheetRow::bookings).setHeader(getTranslation("report.column.bookings"))
                .setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(r -> hours(r.minutes())).setHeader(getTranslation("report.column.hours")).setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        var checkedInColumn = grid.addColumn(r -> hours(r.checkedInMinutes()))
                .setHeader(getTranslation("report.column.checked-in")).setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        // on a phone: week, who or what, hours; the total below still says how many and how much was checked in
        io.aura.ui.Narrow.hideWhenNarrow(this, bookingsColumn, checkedInColumn);
        grid.setAllRowsVisible(true);
        total.setId("timesheet-total");

        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            // a download runs without the session's lock: what is chosen (and who asks) is read under it
            AtomicReference<List<TimesheetRow>> rows = new AtomicReference<>(List.of());
            event.getUI().accessSynchronously(() -> rows.set(rows()));
            byte[] bytes = Reports.timesheetCsv(rows.get()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "timesheet.csv", "text/csv", bytes.length);
        }), getTranslation("report.download-csv"));
        csv.setId("timesheet-csv");

        HorizontalLayout filters = new HorizontalLayout(from, to, groupBy, csv);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        String scope = getTranslation(Reporting.seesEveryone(Caller.current()) ? "report.scope.everyone"
                : "report.scope.mine");
        add(new H2(getTranslation("report.title")), new Span(scope), filters, grid, total);
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.page-title", getTranslation("report.title"));
    }

    private List<TimesheetRow> rows() {
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            return List.of();
        }
        ZoneId zone = UserZone.current();
        TimeRange days = new TimeRange(from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue().plusDays(1).atStartOfDay(zone).toInstant());
        return reporting.timesheet(Caller.current(), days, groupBy.getValue());
    }

    private void reload() {
        List<TimesheetRow> rows = rows();
        grid.setItems(rows);
        long bookings = rows.stream().mapToLong(TimesheetRow::bookings).sum();
        long minutes = rows.stream().mapToLong(TimesheetRow::minutes).sum();
        long checkedIn = rows.stream().mapToLong(TimesheetRow::checkedInMinutes).sum();
        total.setText(rows.isEmpty() ? getTranslation("report.none")
                : getTranslation("report.total", bookings, hours(minutes), hours(checkedIn)));
    }

    /** A resource by its name; a person by their user name. */
    private String label(TimesheetRow row) {
        return groupBy.getValue() == TimesheetGrouping.RESOURCE ? resourceNames.getOrDefault(row.key(), row.key())
                : row.key();
    }

    /** Minutes as hours and minutes: 90 → 1:30. */
    static String hours(long minutes) {
        return String.format("%d:%02d", minutes / 60, minutes % 60);
    }
}
