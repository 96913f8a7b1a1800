package io.aura.app.api.ical;

import io.aura.app.api.NotFoundException;
import io.aura.app.external.CalendarFeeds;
import io.aura.kernel.feed.CalendarFeedLinks.Links;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendars outside (ADR 0032): each person's secret feed URLs, their rotation, and the feeds themselves,
 * which calendar apps fetch without a token (the URL is the credential).
 */
@RestController
@Tag(name = "Calendar feeds")
public class CalendarFeedController {
    /** RFC 5545's media type, in UTF-8 (its default, said outright for clients that guess). */
    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=utf-8");

    private final CalendarFeeds feeds;

    public CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Operation(summary = "Your secret calendar feed URLs: your bookings, and each resource's (any signed-in user)")
    @GetMapping("/api/ical/links")
    @PreAuthorize("isAuthenticated()")
    public Links links(Authentication authentication) {
        return feeds.links(authentication.getName());
    }

    @Operation(summary = "Replace your feed secret: every URL made from the old one stops working at once (any signed-in user)")
    @PostMapping("/api/ical/links/rotate")
    @PreAuthorize("isAuthenticated()")
    public Links rotate(Authentication authentication) {
        return feeds.rotate(authentication.getName());
    }

    @Operation(summary = "An RFC 5545 calendar of the secret's owner's bookings, or (resourceId) of a resource's "
            + "(anyone with the URL; 404 for an unknown or replaced secret)")
    @GetMapping(value = "/ical/{secret}.ics", produces = "text/calendar")
    public ResponseEntity<String> feed(@PathVariable String secret,
                                       @RequestParam(required = false) String resourceId) {
        String calendar = feeds.feed(secret, resourceId)
                .orElseThrow(() -> new NotFoundException("No calendar feed at this address."));
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noStore()).body(calendar);
    }
}
