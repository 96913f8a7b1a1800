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
        grid.addColumn(r -> r.spec().name()).setHeader(getTranslation("booking.resources.name")).setSortable(true);
        grid.addColumn(r -> r.spec().capacity()).setHeader(getTranslation("booking.resources.capacity"))
                .setSortable(true);
        grid.addColumn(r -> r.spec().timeZone()).setHeader(getTranslation("booking.resources.time-zone"));
        grid.addColumn(r -> getTranslation(r.spec().approvalRequired() || !r.spec().approvalLevels().isEmpty()
                ? "booking.resources.yes" : "booking.resources.no")).setHeader(getTranslation("booking.resources.approval"));
        grid.addColumn(r -> getTranslation("booking.resources.minutes", r.spec().minDurationMinutes(),
                r.spec().maxDurationMinutes())).setHeader(getTranslation("booking.resources.duration"));
        grid.setItems(directory.all());
        grid.setAllRowsVisible(true);
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("booking.resources.page-title");
    }
}
