package io.aura.kernel.webhook;

import java.net.URI;

/** Where a webhook may point: an absolute http or https URL with a host. */
public final class WebhookUrls {
    private WebhookUrls() {}

    public static boolean isHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
