package io.aura.app.api.site;

import io.aura.gateway.Sites;
import io.aura.kernel.site.SiteQueries.SiteView;
import io.aura.kernel.site.SiteQueries.TravelTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sites and the travel times between them (API.md v1.1 "Reports"): a resource belongs to a site ({@code siteId});
 * a booking that leaves its requester less than the travel time to their booking at another site answers with a
 * {@code TRAVEL} warning, and suggestions for them avoid such slots. ADR 0045.
 */
@RestController
@Tag(name = "Sites")
public class SiteController {
    private final Sites sites;

    public SiteController(Sites sites) {
        this.sites = sites;
    }

    public record NewSite(String name, String timeZone) {}

    /** A travel time between two sites, either way; {@code minutes} from 0 (next door) to 1440. */
    public record NewTravelTime(String fromSiteId, String toSiteId, Integer minutes) {}

    public record SitesBody(List<SiteView> sites, List<TravelTime> travelTimes) {}

    @Operation(summary = "Register a site (ADMIN): a place resources belong to, with its time zone")
    @PostMapping("/api/sites")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<SiteView> register(@RequestBody NewSite body) {
        SiteView site = sites.register(body.name(), body.timeZone());
        return ResponseEntity.created(URI.create("/api/sites/" + site.siteId())).body(site);
    }

    @Operation(summary = "Every site, by name, and every travel time set between two of them")
    @GetMapping("/api/sites")
    @PreAuthorize("isAuthenticated()")
    public SitesBody list() {
        return new SitesBody(sites.list(), sites.travelTimes().times());
    }

    @Operation(summary = "Set the travel time between two sites, either way (ADMIN); answers every travel time")
    @PutMapping("/api/sites/travel")
    @PreAuthorize("hasRole('ADMIN')")
    public List<TravelTime> travel(@RequestBody NewTravelTime body) {
        return sites.setTravelTime(body.fromSiteId(), body.toSiteId(), body.minutes()).times();
    }
}
