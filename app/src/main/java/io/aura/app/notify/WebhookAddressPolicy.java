package io.aura.app.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a webhook URL's host is read and which addresses are not the public internet: pure
 * functions, no name is looked up here. A host is read one way only, so the check and the
 * connection cannot disagree about it: an IPv4 address must be written as four decimal numbers
 * (a.b.c.d), since {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 2130706433} or {@code 127.1} are
 * 127.0.0.1 to curl, browsers or the C library but something else, or a name, to java.net; an
 * IPv6 address may not carry a zone id; one trailing dot of a name is dropped before it is
 * checked. An address that carries an IPv4 address inside it (mapped, compatible, NAT64, 6to4,
 * Teredo) is judged by the IPv4 address it leads to.
 */
public final class WebhookAddressPolicy {
    private WebhookAddressPolicy() {}

    /** A webhook URL's host as this policy reads it. */
    public sealed interface HostReading permits Unusable, Host {}

    /** A host deliveries may go to if its addresses are public. */
    public sealed interface Host extends HostReading permits IpLiteral, DnsName {}

    /** Deliveries may not go there; {@code reason} completes "url ...". */
    public record Unusable(String reason) implements HostReading {}

    /** An address written in the URL; {@code text} as written, without brackets, in lower case. */
    public record IpLiteral(String text, InetAddress address) implements Host {}

    /** A name to look up: lower case, without its trailing dot. */
    public record DnsName(String name) implements Host {}

    static final String NOT_HTTP = "must be an absolute http or https URL";
    static final String WITH_USER = "must not carry a user name or password; the secret signs deliveries";

    /** The last label a WHATWG URL parser takes for a number, which makes the whole host an IPv4 address. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");
    private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    public static HostReading read(String url) {
        if (url == null) {
            return new Unusable(NOT_HTTP);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Unusable(NOT_HTTP);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            return new Unusable(NOT_HTTP);
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return new Unusable(NOT_HTTP);
        }
        if (uri.getRawUserInfo() != null || authority.contains("@")) {
            // it would be stored in the event log and written to logs: the secret signs deliveries instead
            return new Unusable(WITH_USER);
        }
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI reads no host here, others may: say why when it is an address written another way
            return readUnparsedHost(withoutPort(authority));
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return readIpv6(host.substring(1, host.length() - 1));
        }
        return readNameOrIpv4(host);
    }

    private static String withoutPort(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon >= 0 && authority.indexOf(']') < colon ? authority.substring(0, colon) : authority;
    }

    private static HostReading readUnparsedHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        HostReading reading = h.isEmpty() || h.startsWith("[") ? new Unusable(NOT_HTTP) : readNameOrIpv4(h);
        if (reading instanceof IpLiteral ip) {
            return new Unusable("is not allowed: its host " + host + " is an IPv4 address with a trailing dot; write "
                    + ip.text());
        }
        return reading instanceof Unusable ? reading : new Unusable(NOT_HTTP);
    }

    private static HostReading readIpv6(String text) {
        if (text.indexOf('%') >= 0) {
            return new Unusable("is not allowed: its IPv6 address " + text + " carries a zone id (%...), which names "
                    + "an interface of this server");
        }
        int colon = text.lastIndexOf(':');
        if (text.indexOf('.', colon) >= 0 && !isDottedDecimal(text.substring(colon + 1))) {
            return new Unusable("is not allowed: the IPv4 address inside " + text + " must be written as four decimal "
                    + "numbers (a.b.c.d)");
        }
        try {
            return new IpLiteral(text, InetAddress.ofLiteral(text));
        } catch (IllegalArgumentException e) {
            return new Unusable(NOT_HTTP);
        }
    }

    private static HostReading readNameOrIpv4(String host) {
        // one trailing dot names the same host ("localhost." is localhost); more than one names none
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.endsWith(".") || name.startsWith(".") || name.contains("..")) {
            return new Unusable(NOT_HTTP);
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(last).matches()) {
            if (!isDottedDecimal(name)) {
                return new Unusable("is not allowed: its host " + host + " reads as an IPv4 address to other parsers; "
                        + "write an IPv4 address as four decimal numbers without leading zeros (a.b.c.d)");
            }
            return new IpLiteral(name, InetAddress.ofLiteral(name));
        }
        return new DnsName(name);
    }

    private static boolean isDottedDecimal(String text) {
        String[] parts = text.split("\\.", -1);
        return parts.length == 4 && Arrays.stream(parts)
                .allMatch(p -> DECIMAL_OCTET.matcher(p).matches() && Integer.parseInt(p) <= 255);
    }

    /**
     * Why a name is not a host on the internet, whatever it resolves to here: local names (RFC
     * 6761, 6762, 8375, ICANN's .internal) and single labels, which the resolver completes with
     * this server's own search domains.
     */
    public static Optional<String> localName(String name) {
        for (String local : List.of("localhost", "local", "internal", "localdomain", "home.arpa")) {
            if (name.equals(local) || name.endsWith("." + local)) {
                return Optional.of("a local name (." + local + ")");
            }
        }
        if (!name.contains(".")) {
            return Optional.of("a single-label name, completed with this server's search domains");
        }
        return Optional.empty();
    }

    private record Range(byte[] prefix, int bits, String what) {
        static Range of(String cidr, String what) {
            int slash = cidr.indexOf('/');
            InetAddress start = InetAddress.ofLiteral(cidr.substring(0, slash));
            byte[] prefix = start.getAddress();
            if (cidr.contains(":") && start instanceof Inet4Address) { // the JDK reads ::ffff:a.b.c.d as a.b.c.d
                prefix = new byte[16];
                prefix[10] = (byte) 0xff;
                prefix[11] = (byte) 0xff;
                System.arraycopy(start.getAddress(), 0, prefix, 12, 4);
            }
            return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), what + " (" + cidr + ")");
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit += 8) {
                int mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Not the public internet (IANA's special-purpose registries); 240/4 includes the broadcast address. */
    private static final List<Range> IPV4_RANGES = List.of(
            Range.of("0.0.0.0/8", "this network"),
            Range.of("10.0.0.0/8", "private"),
            Range.of("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("169.254.0.0/16", "link-local, where cloud metadata services answer"),
            Range.of("172.16.0.0/12", "private"),
            Range.of("192.0.0.0/24", "IETF protocol assignments"),
            Range.of("192.0.2.0/24", "documentation"),
            Range.of("192.88.99.0/24", "6to4 relay anycast"),
            Range.of("192.168.0.0/16", "private"),
            Range.of("198.18.0.0/15", "benchmarking"),
            Range.of("198.51.100.0/24", "documentation"),
            Range.of("203.0.113.0/24", "documentation"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("240.0.0.0/4", "reserved or broadcast"));

    /** Checked before the forms that embed an IPv4 address (:: and ::1 lie inside ::/96). */
    private static final List<Range> IPV6_RANGES = List.of(
            Range.of("::/128", "the unspecified address"),
            Range.of("::1/128", "loopback"),
            Range.of("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"),
            Range.of("100::/64", "discard-only"),
            Range.of("2001:2::/48", "benchmarking"),
            Range.of("2001:db8::/32", "documentation"),
            Range.of("3fff::/20", "documentation"),
            Range.of("fc00::/7", "unique local"),
            Range.of("fe80::/10", "link-local"),
            Range.of("fec0::/10", "site-local"),
            Range.of("ff00::/8", "multicast"));

    private static final Range MAPPED = Range.of("::ffff:0:0/96", "IPv4-mapped");
    private static final Range TRANSLATED = Range.of("::ffff:0:0:0/96", "IPv4-translated");
    private static final Range COMPATIBLE = Range.of("::/96", "IPv4-compatible");
    private static final Range NAT64 = Range.of("64:ff9b::/96", "NAT64");
    private static final Range SIX_TO_FOUR = Range.of("2002::/16", "6to4");
    private static final Range TEREDO = Range.of("2001::/32", "Teredo");

    /**
     * What makes an address other than a public one, or empty when it is public. An IPv6 address
     * that embeds an IPv4 address is judged by that IPv4 address (a Teredo address by its server
     * and by its client, whose bits are inverted).
     */
    public static Optional<String> nonPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return IPV4_RANGES.stream().filter(r -> r.contains(b)).map(Range::what).findFirst();
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of("not an IP address");
        }
        Optional<String> special = IPV6_RANGES.stream().filter(r -> r.contains(b)).map(Range::what).findFirst();
        if (special.isPresent()) {
            return special;
        }
        for (Range form : List.of(MAPPED, TRANSLATED, COMPATIBLE, NAT64)) {
            if (form.contains(b)) {
                return embedded(form, ipv4(b, 12, false));
            }
        }
        if (SIX_TO_FOUR.contains(b)) {
            return embedded(SIX_TO_FOUR, ipv4(b, 2, false));
        }
        if (TEREDO.contains(b)) {
            return embedded(TEREDO, ipv4(b, 4, false)).or(() -> embedded(TEREDO, ipv4(b, 12, true)));
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(Range form, InetAddress ipv4) {
        return nonPublic(ipv4).map(why -> "the " + form.what() + " form of " + ipv4.getHostAddress() + ", which is "
                + why);
    }

    private static InetAddress ipv4(byte[] b, int from, boolean inverted) {
        byte[] four = Arrays.copyOfRange(b, from, from + 4);
        for (int i = 0; inverted && i < 4; i++) {
            four[i] = (byte) ~four[i];
        }
        try {
            return InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
