package io.aura.ui.booking;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.ui.DatePickerTexts;
import io.aura.ui.LiveWhileAttached;
import io.aura.ui.MainLayout;
import io.aura.ui.ResourceDirectory;
import jakarta.annotation.security.PermitAll;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * When are the rooms really used: day of week × hour in each resource's own time zone, for one
 * resource or all, over a date range; hover a cell for minutes and utilization. Live.
 */
@Route(value = "heatmap", layout = MainLayout.class)
@PermitAll
public class HeatmapView extends VerticalLayout implements HasDynamicTitle {
    private final CalendarDesk bookings;
    private final ComboBox<ResourceView> resource = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Div grid = new Div();

    public HeatmapView(CalendarDesk bookings, ResourceDirectory resources) {
        this.bookings = bookings;
        resource.setLabel(getTranslation("calendar.heatmap.resource"));
        from.setLabel(getTranslation("calendar.heatmap.from"));
        to.setLabel(getTranslation("calendar.heatmap.to"));
        Locale dates = DatePickerTexts.dates(getLocale());
        from.setLocale(dates);
        to.setLocale(dates);
        resource.setItems(resources.all());
        resource.setItemLabelGenerator(r -> r.spec().name());
        resource.setPlaceholder(getTranslation("calendar.all-resources"));
        resource.setClearButtonVisible(true);
        from.setValue(LocalDate.now().minusWeeks(4));
        to.setValue(LocalDate.now().plusWeeks(4));
        resource.addValueChangeListener(e -> reload());
        from.addValueChangeListener(e -> reload());
        to.addValueChangeListener(e -> reload());
        grid.setId("heatmap");
        // days as rows and hours as columns; on a phone turned around (aura.css), so nothing scrolls sideways
        grid.addClassName("aura-heatmap");
        HorizontalLayout filters = new HorizontalLayout(resource, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        setMinWidth("0");
        add(new H2(getTranslation("calendar.heatmap.title")), filters, grid, legend());
        LiveWhileAttached.keep(this, this::reload, ui -> bookings.watchHeatmap(null, burst -> ui.access(this::reload)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.heatmap.page-title");
    }

    private void reload() {
        if (from.getValue() == null || to.getValue() == null || !to.getValue().isAfter(from.getValue())) {
            return;
        }
        List<HeatmapCell> cells = bookings.heatmap(from.getValue().atStartOfDay().toInstant(ZoneOffset.UTC),
                to.getValue().atStartOfDay().toInstant(ZoneOffset.UTC),
                resource.getValue() == null ? null : resource.getValue().id());
        grid.removeAll();
        grid.add(new Span());
        for (int hour = 0; hour < 24; hour++) {
            grid.add(new Span(String.valueOf(hour)));
        }
        Locale locale = getLocale();
        for (DayOfWeek day : DayOfWeek.values()) {
            grid.add(new Span(day.getDisplayName(TextStyle.SHORT, locale)));
            for (int hour = 0; hour < 24; hour++) {
                int h = hour;
                List<HeatmapCell> here = cells.stream()
                        .filter(c -> c.dayOfWeek() == day.getValue() && c.hour() == h).toList();
                long minutes = here.stream().mapToLong(HeatmapCell::bookedMinutes).sum();
                long bookable = here.stream().mapToLong(HeatmapCell::bookableMinutes).sum();
                // several resources: minutes used of the minutes they could be used, not an average of ratios
                double utilization = bookable == 0 ? 0 : Math.min(1.0, minutes / (double) bookable);
                Div cell = new Div();
                cell.addClassName("aura-heatmap-cell");
                cell.getStyle().set("background", colour(utilization));
                cell.getElement().setAttribute("title", getTranslation("calendar.heatmap.cell",
                        day.getDisplayName(TextStyle.FULL, locale), String.format(Locale.ROOT, "%02d:00", hour),
                        minutes, bookable, Math.round(utilization * 100)));
                cell.getElement().setAttribute("role", "img");
                cell.getElement().setAttribute("aria-label", cell.getElement().getAttribute("title"));
                grid.add(cell);
            }
        }
    }

    /** White to deep blue; readable against both the empty and the full end of the scale. */
    static String colour(double utilization) {
        double u = Math.max(0, Math.min(1, utilization));
        return u == 0 ? "#f1f3f5" : String.format(Locale.ROOT, "rgba(26, 111, 214, %.2f)", 0.15 + 0.85 * u);
    }

    private HorizontalLayout legend() {
        HorizontalLayout legend = new HorizontalLayout(new Span(getTranslation("calendar.heatmap.used")));
        legend.setWrap(true);
        for (double u : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            Div swatch = new Div();
            swatch.getStyle().set("width", "1.4em").set("height", "1em").set("background", colour(u));
            swatch.getElement().setAttribute("aria-hidden", "true");
            legend.add(swatch, new Span(getTranslation("calendar.heatmap.percent", Math.round(u * 100))));
        }
        legend.setAlignItems(FlexComponent.Alignment.CENTER);
        return legend;
    }
}
