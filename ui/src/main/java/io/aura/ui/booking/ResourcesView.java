package io.aura.ui.booking;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.ui.MainLayout;
import io.aura.ui.ResourceDirectory;
import jakarta.annotation.security.PermitAll;

/** The rooms, venues and equipment people can book. */
@Route(value = "resources", layout = MainLayout.class)
@PageTitle("Resources · Aura Scheduler")
@PermitAll
public class ResourcesView extends VerticalLayout {

    public ResourcesView(ResourceDirectory directory) {
        add(new H2("Resources"));
        Grid<ResourceView> grid = new Grid<>(ResourceView.class, false);
        grid.addColumn(r -> r.spec().name()).setHeader("Name").setSortable(true);
        grid.addColumn(r -> r.spec().capacity()).setHeader("Capacity").setSortable(true);
        grid.addColumn(r -> r.spec().timeZone()).setHeader("Time zone");
        grid.addColumn(r -> r.spec().approvalRequired() || !r.spec().approvalLevels().isEmpty() ? "yes" : "no")
                .setHeader("Approval");
        grid.addColumn(r -> r.spec().minDurationMinutes() + "–" + r.spec().maxDurationMinutes() + " min")
                .setHeader("Duration");
        grid.setItems(directory.all());
        grid.setAllRowsVisible(true);
        add(grid);
    }
}
