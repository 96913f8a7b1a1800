package io.aura.ui.booking;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.ui.MainLayout;
import io.aura.ui.ResourceDirectory;
import jakarta.annotation.security.PermitAll;

/** The rooms, venues and equipment people can book. */
@Route(value = "resources", layout = MainLayout.class)
@PermitAll
public class ResourcesView extends VerticalLayout implements HasDynamicTitle {

    public ResourcesView(ResourceDirectory directory) {
        add(new H2(getTranslation("booking.resources.heading")));
        Grid<ResourceView> grid = new Grid<>(ResourceView.class, false);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> r.spec().name()).setHeader(getTranslation("booking.resources.name")).setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(r -> r.spec().capacity()).setHeader(getTranslation("booking.resources.capacity"))
                .setSortable(true);
        var zone = grid.addColumn(r -> r.spec().timeZone()).setHeader(getTranslation("booking.resources.time-zone"));
        var approval = grid.addColumn(r -> getTranslation(r.spec().approvalRequired()
                || !r.spec().approvalLevels().isEmpty() ? "booking.resources.yes" : "booking.resources.no"))
                .setHeader(getTranslation("booking.resources.approval"));
        var duration = grid.addColumn(r -> getTranslation("booking.resources.minutes", r.spec().minDurationMinutes(),
                r.spec().maxDurationMinutes())).setHeader(getTranslation("booking.resources.duration"));
        // on a phone: the name and how many it seats
        io.aura.ui.Narrow.hideWhenNarrow(this, zone, approval, duration);
        grid.setItems(directory.all());
        grid.setAllRowsVisible(true);
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("booking.resources.page-title");
    }
}
