package io.aura.app.notify;

import io.aura.app.notify.WebhookAddressPolicy.DnsName;
import io.aura.app.notify.WebhookAddressPolicy.Host;
import io.aura.app.notify.WebhookAddressPolicy.IpLiteral;
import io.aura.app.notify.WebhookAddressPolicy.Unusable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the server may send webhook deliveries: public addresses only, unless a private host is
 * allowed by name ({@code aura.webhooks.allowed-private-hosts}). A webhook is an outbound request
 * the server makes on an administrator's word; pointed at 169.254.169.254, Axon Server or MongoDB
 * it would be a request from inside the network (server-side request forgery). The host is read
 * by {@link WebhookAddressPolicy} before any look-up (one way of writing an address, no zone ids,
 * no local names), checked when a webhook is registered, and looked up and checked again before
 * each delivery: every address of the answer must be public, and the delivery connects to those
 * addresses and no others ({@link Pinned}; ADR 0025), so a name that answers differently a moment
 * later (DNS rebinding) is not asked again. A name that does not resolve at registration is
 * accepted: it is checked when there is something to send.
 */
@Component
public class WebhookTargets {
    private final Set<String> allowedPrivateHosts;
    private final HostResolver resolver;

    @Autowired
    public WebhookTargets(@Value("${aura.webhooks.allowed-private-hosts:}") List<String> allowedPrivateHosts) {
        this(allowedPrivateHosts, HostResolver.SYSTEM);
    }

    public WebhookTargets(List<String> allowedPrivateHosts, HostResolver resolver) {
        this.allowedPrivateHosts = allowedPrivateHosts.stream().map(WebhookTargets::normalHost)
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Where a delivery may go now. */
    public sealed interface Verdict permits Refused, NotResolved, Pinned {}

    /** Never to be sent there; {@code reason} completes "url ...". */
    public record Refused(String reason) implements Verdict {}

    /** The name has no address now: nothing to check, nothing to send to; try again later. */
    public record NotResolved(String reason) implements Verdict {}

    /** Checked addresses of the host: the connection goes to these and the name is not looked up again. */
    public record Pinned(Host host, List<InetAddress> addresses) implements Verdict {
        /** Whether the HTTP client's reading of the URL's host is the host that was checked. */
        public boolean isHost(String clientHost) {
            return switch (host) {
                case IpLiteral ip -> ip.address().equals(literal(clientHost));
                case DnsName name -> name.name().equals(normalHost(clientHost));
            };
        }

        private static InetAddress literal(String text) {
            try {
                return InetAddress.ofLiteral(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** Why deliveries may not go to {@code url} (completing "url ..."), or null when they may. */
    public String refusal(String url) {
        return check(url) instanceof Refused refused ? refused.reason() : null;
    }

    /** Reads the URL's host, looks a name up (once) and checks every address it has. */
    public Verdict check(String url) {
        return switch (WebhookAddressPolicy.read(url)) {
            case Unusable unusable -> new Refused(unusable.reason());
            case IpLiteral ip -> literal(ip);
            case DnsName name -> lookUp(name);
        };
    }

    private Verdict literal(IpLiteral ip) {
        Optional<String> why = WebhookAddressPolicy.nonPublic(ip.address());
        if (why.isPresent() && !allowedPrivateHosts.contains(ip.text())) {
            return refused(ip.text(), ip.address(), why.get());
        }
        return new Pinned(ip, List.of(ip.address()));
    }

    private Verdict lookUp(DnsName name) {
        boolean allowed = allowedPrivateHosts.contains(name.name());
        Optional<String> local = WebhookAddressPolicy.localName(name.name());
        if (!allowed && local.isPresent()) {
            return new Refused("is not allowed: " + name.name() + " is " + local.get() + "; allow such a host by name "
                    + "in aura.webhooks.allowed-private-hosts");
        }
        List<InetAddress> addresses;
        try {
            addresses = List.copyOf(resolver.resolve(name.name()));
        } catch (UnknownHostException e) {
            addresses = List.of();
        }
        if (addresses.isEmpty()) {
            return new NotResolved(name.name() + " does not resolve");
        }
        if (!allowed) {
            for (InetAddress address : addresses) {
                Optional<String> why = WebhookAddressPolicy.nonPublic(address);
                if (why.isPresent()) {
                    return refused(name.name(), address, why.get());
                }
            }
        }
        return new Pinned(name, addresses);
    }

    private static Refused refused(String host, InetAddress address, String why) {
        String where = host.equals(address.getHostAddress()) ? host : host + " (" + address.getHostAddress() + ")";
        return new Refused("is not allowed: it points at " + where + ", which is " + why + "; allow such a host by "
                + "name in aura.webhooks.allowed-private-hosts");
    }

    /** A host as allowed hosts and names are compared: lower case, no brackets, no trailing dot. */
    static String normalHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
