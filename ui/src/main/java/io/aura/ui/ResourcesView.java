package io.aura.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import jakarta.annotation.security.PermitAll;

/** The rooms, venues and equipment people can book; the calendar and request form come with issue 6. */
@Route("")
@PageTitle("Resources · Aura Scheduler")
@PermitAll
public class ResourcesView extends VerticalLayout {

    public ResourcesView(ResourceDirectory directory, AuthenticationContext authentication) {
        String user = authentication.getPrincipalName().orElse("");
        Button signOut = new Button("Sign out", e -> authentication.logout());
        add(new HorizontalLayout(new H2("Resources"), new Span("Signed in as " + user), signOut));

        Grid<ResourceView> grid = new Grid<>(ResourceView.class, false);
        grid.addColumn(ResourceView::name).setHeader("Name").setSortable(true);
        grid.addColumn(ResourceView::capacity).setHeader("Capacity").setSortable(true);
        grid.addColumn(ResourceView::timeZone).setHeader("Time zone");
        grid.addColumn(r -> r.approvalRequired() ? "yes" : "no").setHeader("Approval");
        grid.addColumn(r -> r.minDurationMinutes() + "–" + r.maxDurationMinutes() + " min").setHeader("Duration");
        grid.setItems(directory.all());
        grid.setAllRowsVisible(true);
        add(grid);
    }
}
