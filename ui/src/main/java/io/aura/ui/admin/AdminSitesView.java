package io.aura.ui.admin;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.gateway.Sites;
import io.aura.kernel.site.SiteQueries.SiteView;
import io.aura.kernel.site.SiteQueries.TravelTime;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.MainLayout;
import io.aura.ui.Refusals;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Administration: the sites resources belong to, and the minutes of travel between two of them (the same service
 * as {@code /api/sites}): a booking that leaves its requester less than that between two sites gets a TRAVEL
 * warning, and suggestions for them avoid such slots.
 */
@Route(value = "admin/sites", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AdminSitesView extends VerticalLayout implements HasDynamicTitle {
    private final Sites sites;
    private final Grid<SiteView> siteGrid = new Grid<>(SiteView.class, false);
    private final Grid<TravelTime> travelGrid = new Grid<>(TravelTime.class, false);
    private final ComboBox<SiteView> from = new ComboBox<>();
    private final ComboBox<SiteView> to = new ComboBox<>();
    private Map<String, String> names = Map.of();

    public AdminSitesView(Sites sites) {
        this.sites = sites;
        TextField name = new TextField(getTranslation("admin.sites.name"));
        name.setId("site-name");
        ComboBox<String> zone = new ComboBox<>(getTranslation("admin.sites.time-zone"),
                ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        zone.setValue("Europe/Berlin");
        zone.setId("site-time-zone");
        Button register = new Button(getTranslation("admin.sites.register"), e -> {
            name.setInvalid(false);
            zone.setInvalid(false);
            try {
                SiteView site = sites.register(name.getValue(), zone.getValue());
                name.clear();
                reload();
                Notification.show(getTranslation("admin.sites.registered", site.name()));
            } catch (InvalidInputException invalid) {
                show(invalid, Map.of("name", name, "timeZone", zone), name);
            }
        });
        register.setId("site-register");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        siteGrid.setId("sites");
        siteGrid.addColumn(SiteView::name).setHeader(getTranslation("admin.sites.name")).setFlexGrow(2);
        siteGrid.addColumn(SiteView::timeZone).setHeader(getTranslation("admin.sites.time-zone")).setFlexGrow(1);
        siteGrid.setAllRowsVisible(true);

        from.setLabel(getTranslation("admin.sites.from"));
        to.setLabel(getTranslation("admin.sites.to"));
        from.setId("travel-from");
        to.setId("travel-to");
        from.setItemLabelGenerator(SiteView::name);
        to.setItemLabelGenerator(SiteView::name);
        IntegerField minutes = new IntegerField(getTranslation("admin.sites.minutes"));
        minutes.setId("travel-minutes");
        minutes.setMin(0);
        minutes.setMax(24 * 60);
        Button set = new Button(getTranslation("admin.sites.set-travel"), e -> {
            from.setInvalid(false);
            to.setInvalid(false);
            minutes.setInvalid(false);
            try {
                sites.setTravelTime(from.getValue() == null ? null : from.getValue().siteId(),
                        to.getValue() == null ? null : to.getValue().siteId(), minutes.getValue());
                reload();
                Notification.show(getTranslation("admin.sites.travel-set"));
            } catch (InvalidInputException invalid) {
                show(invalid, Map.of("fromSiteId", from, "toSiteId", to, "minutes", minutes), minutes);
            }
        });
        set.setId("travel-set");
        travelGrid.setId("travel-times");
        travelGrid.addColumn(t -> getTranslation("admin.sites.between", name(t.fromSiteId()), name(t.toSiteId())))
                .setHeader(getTranslation("admin.sites.column.between")).setFlexGrow(2);
        travelGrid.addColumn(t -> getTranslation("admin.sites.travel-minutes", t.minutes()))
                .setHeader(getTranslation("admin.sites.minutes")).setFlexGrow(1);
        travelGrid.setAllRowsVisible(true);

        add(new H2(getTranslation("admin.sites.title")), new Paragraph(getTranslation("admin.sites.explained")),
                new FormLayout(name, zone), register, siteGrid, new H3(getTranslation("admin.sites.travel")),
                new FormLayout(from, to, minutes), set, travelGrid);
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.page-title", getTranslation("admin.sites.title"));
    }

    private void reload() {
        List<SiteView> all = sites.list();
        names = all.stream().collect(Collectors.toMap(SiteView::siteId, SiteView::name, (a, b) -> a));
        siteGrid.setItems(all);
        from.setItems(all);
        to.setItems(all);
        travelGrid.setItems(sites.travelTimes().times());
    }

    private String name(String siteId) {
        return names.getOrDefault(siteId, siteId);
    }

    private void show(InvalidInputException invalid, Map<String, HasValidation> fields, HasValidation fallback) {
        for (FieldViolation v : invalid.violations()) {
            HasValidation field = fields.getOrDefault(v.field(), fallback);
            field.setInvalid(true);
            field.setErrorMessage(Refusals.of(this, v));
        }
    }
}
