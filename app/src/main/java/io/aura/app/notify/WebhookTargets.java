package io.aura.app.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the server may send webhook deliveries: public addresses only, unless a private host is
 * allowed by name ({@code aura.webhooks.allowed-private-hosts}). A webhook is an outbound request
 * the server makes on an administrator's word; pointed at 169.254.169.254, Axon Server or MongoDB
 * it would be a request from inside the network (server-side request forgery). Checked when a
 * webhook is registered and again before each delivery (a name may resolve elsewhere later).
 * Limit: the HTTP client resolves the name once more itself, so a name that changes its answer
 * within that moment is not caught.
 */
@Component
public class WebhookTargets {
    private final Set<String> allowedPrivateHosts;

    public WebhookTargets(@Value("${aura.webhooks.allowed-private-hosts:}") List<String> allowedPrivateHosts) {
        this.allowedPrivateHosts = allowedPrivateHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Why deliveries may not go to {@code url}, or null when they may. */
    public String refusal(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowedPrivateHosts.contains(host)) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return null; // nowhere to send to now: no request inside the network either; delivery retries later
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return "it points at a private, local or link-local address (" + address.getHostAddress()
                        + "); allow such a host by name in aura.webhooks.allowed-private-hosts";
            }
        }
        return null;
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
