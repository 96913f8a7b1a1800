package io.aura.kernel.feed;

import java.util.List;

/**
 * A person's secret calendar feed URLs (ADR 0032), for the HTTP API and the web UI alike; implemented
 * where the feed key lives (the app).
 */
public interface CalendarFeedLinks {
    record ResourceLink(String resourceId, String url) {}

    /** {@code mine}: the owner's own bookings; {@code resources}: each resource's, behind the same secret. */
    record Links(String mine, List<ResourceLink> resources) {}

    /** The owner's links; the first ask issues their secret, later ones record nothing. */
    Links links(String ownerId);

    /** A new secret for the owner: every URL made from the old one stops working at once. */
    Links rotate(String ownerId);
}
