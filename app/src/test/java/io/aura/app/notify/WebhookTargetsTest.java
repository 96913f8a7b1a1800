package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.notify.WebhookAddressPolicy.DnsName;
import io.aura.app.notify.WebhookTargets.NotResolved;
import io.aura.app.notify.WebhookTargets.Pinned;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookTargetsTest {
    /** Nothing may be looked up: these hosts are refused as written. */
    static final HostResolver NO_LOOK_UP = name -> {
        throw new AssertionError("looked up " + name);
    };

    final WebhookTargets publicOnly = new WebhookTargets(List.of(), NO_LOOK_UP);

    static HostResolver resolvingTo(String... addresses) {
        return name -> Arrays.stream(addresses).map(InetAddress::ofLiteral).toList();
    }

    @Test
    void addresses_inside_a_network_are_refused() {
        for (String url : List.of("http://127.0.0.1/x", "http://localhost/x", "http://0.0.0.0/x", "http://10.0.0.1/x",
                "http://172.16.5.4/x", "http://192.168.1.1/x", "http://169.254.169.254/latest", "http://100.64.0.1/x",
                "http://[::1]/x", "http://[fe80::1]/x", "http://[fc00::1]/x", "http://224.0.0.1/x")) {
            assertThat(publicOnly.refusal(url)).as(url).isNotNull();
        }
    }

    /** Each of these was let through by the check before it read hosts itself. */
    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://0x7f.1/hook                               | reads as an IPv4 address
            http://0x7f000001/hook                           | reads as an IPv4 address
            http://0177.0.0.1/hook                           | reads as an IPv4 address
            http://0x7f.0.0.1:8080/hook                      | reads as an IPv4 address
            http://127.1/hook                                | reads as an IPv4 address
            http://127.0.1/hook                              | reads as an IPv4 address
            http://1.2.3.4.5/hook                            | reads as an IPv4 address
            http://127.0.0.1./hook                           | trailing dot
            http://[fe80::1%25eth0]/hook                     | zone id
            http://[2606:4700:4700::1111%25eth0]/hook        | zone id
            http://[::ffff:0177.0.0.1]/hook                  | four decimal numbers
            http://[::127.0.0.1]/hook                        | IPv4-compatible (::/96) form of 127.0.0.1
            http://[::a00:1]/hook                            | IPv4-compatible (::/96) form of 10.0.0.1
            http://[::ffff:0:a00:1]/hook                     | IPv4-translated (::ffff:0:0:0/96) form of 10.0.0.1
            http://[64:ff9b::a9fe:a9fe]/latest               | NAT64 (64:ff9b::/96) form of 169.254.169.254
            http://[64:ff9b::127.0.0.1]/hook                 | NAT64 (64:ff9b::/96) form of 127.0.0.1
            http://[64:ff9b:1::5db8:d70e]/hook               | local-use IPv4/IPv6 translation
            http://[2002:a9fe:a9fe::1]/latest                | 6to4 (2002::/16) form of 169.254.169.254
            http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/x  | Teredo (2001::/32) form of 127.0.0.1
            http://[2001:0:a00:1::a247:28f1]/hook            | Teredo (2001::/32) form of 10.0.0.1
            http://localhost./hook                           | local name (.localhost)
            http://api.localhost/hook                        | local name (.localhost)
            http://printer.local/hook                        | local name (.local)
            http://metadata.google.internal/computeMetadata  | local name (.internal)
            http://router.home.arpa/hook                     | local name (.home.arpa)
            http://localhost.localdomain/hook                | local name (.localdomain)
            http://intranet/hook                             | single-label name
            http://192.0.2.10/hook                           | documentation (192.0.2.0/24)
            http://198.51.100.7/hook                         | documentation (198.51.100.0/24)
            http://203.0.113.9/hook                          | documentation (203.0.113.0/24)
            http://192.0.0.8/hook                            | IETF protocol assignments
            http://192.88.99.1/hook                          | 6to4 relay anycast
            http://[2001:db8::1]/hook                        | documentation (2001:db8::/32)
            http://[3fff::1]/hook                            | documentation (3fff::/20)
            http://[100::1]/hook                             | discard-only
            http://[2001:2::1]/hook                          | benchmarking
            """)
    void hosts_written_to_reach_inside_the_network_are_refused_before_any_look_up(String url, String why) {
        assertThat(publicOnly.refusal(url)).as(url).isNotNull().contains(why);
    }

    /** The JDK's parser or resolver reads these as private addresses already; they stay refused. */
    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://2130706433/hook                 | reads as an IPv4 address
            http://0/hook                          | reads as an IPv4 address
            http://127.0.0.01/hook                 | reads as an IPv4 address
            http://[fe80::1%eth0]/hook             | zone id
            http://[::ffff:127.0.0.1]/hook         | loopback
            http://[::ffff:7f00:1]/hook            | loopback
            http://[::]/hook                       | unspecified
            http://[ff02::1]/hook                  | multicast
            http://[fec0::1]/hook                  | site-local
            http://198.18.0.1/hook                 | benchmarking
            http://255.255.255.255/hook            | reserved or broadcast
            http://LOCALHOST/hook                  | local name (.localhost)
            """)
    void forms_the_jdk_reads_as_private_stay_refused(String url, String why) {
        assertThat(publicOnly.refusal(url)).as(url).isNotNull().contains(why);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ftp://hooks.example.org/x                 | must be an absolute http or https URL
            HTTP://hooks.example.org/x                | must be an absolute http or https URL
            http:///x                                 | must be an absolute http or https URL
            http://exa mple.org/x                     | must be an absolute http or https URL
            http://example..org/x                     | must be an absolute http or https URL
            https://user:password@hooks.example.org/x | must not carry a user name or password
            https://user@0x7f.1/x                     | must not carry a user name or password
            """)
    void only_http_and_https_urls_without_credentials_are_accepted(String url, String message) {
        assertThat(publicOnly.refusal(url)).as(url).startsWith(message);
    }

    @Test
    void no_url_is_no_webhook() {
        assertThat(publicOnly.refusal(null)).isEqualTo(WebhookAddressPolicy.NOT_HTTP);
    }

    @Test
    void a_public_address_is_allowed_and_a_private_host_only_when_named() {
        assertThat(publicOnly.refusal("https://93.184.215.14/hook")).isNull();
        assertThat(publicOnly.refusal("https://[2606:4700:4700::1111]/hook")).isNull();
        assertThat(publicOnly.refusal("https://[64:ff9b::5db8:d70e]/hook")).as("NAT64 of a public address").isNull();
        WebhookTargets withInternalReceiver = new WebhookTargets(List.of("127.0.0.1", " Hooks.Internal. "),
                resolvingTo("10.1.2.3"));
        assertThat(withInternalReceiver.refusal("http://127.0.0.1:9000/hook")).isNull();
        assertThat(withInternalReceiver.refusal("http://hooks.internal./hook")).isNull();
        assertThat(withInternalReceiver.refusal("http://localhost:9000/hook")).as("by name, not by address")
                .isNotNull();
        assertThat(withInternalReceiver.refusal("http://0x7f.0.0.1:9000/hook")).as("never in another form").isNotNull();
    }

    @Test
    void a_host_that_does_not_resolve_yet_is_not_refused_for_it_deliveries_check_again() {
        WebhookTargets nothingResolves = new WebhookTargets(List.of(), name -> {
            throw new UnknownHostException(name);
        });
        assertThat(nothingResolves.refusal("https://no-such-host.example/hook")).isNull();
        assertThat(nothingResolves.check("https://no-such-host.example/hook")).isInstanceOf(NotResolved.class);
    }

    @ParameterizedTest(name = "a name answered with {0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.5                    | private (10.0.0.0/8)
            93.184.215.14 10.0.0.5      | private (10.0.0.0/8)
            2606:4700::1 fd00::5        | unique local
            64:ff9b::a00:5              | NAT64 (64:ff9b::/96) form of 10.0.0.5
            2002:a00:5::1               | 6to4 (2002::/16) form of 10.0.0.5
            """)
    void every_address_a_name_resolves_to_is_checked(String answer, String why) {
        WebhookTargets targets = new WebhookTargets(List.of(), resolvingTo(answer.split(" ")));
        assertThat(targets.refusal("https://hooks.example.org/x")).contains(why);
    }

    @Test
    void an_ipv6_answer_that_maps_a_private_ipv4_address_is_refused() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 5};
        InetAddress answer = Inet6Address.getByAddress(null, mapped, -1); // as a resolver may hand it over
        WebhookTargets targets = new WebhookTargets(List.of(), name -> List.of(answer));
        assertThat(targets.refusal("https://hooks.example.org/x"))
                .contains("IPv4-mapped (::ffff:0:0/96) form of 10.0.0.5");
    }

    @Test
    void a_name_is_looked_up_once_without_its_trailing_dot_and_pinned_to_the_addresses_checked() {
        List<String> lookedUp = new ArrayList<>();
        WebhookTargets targets = new WebhookTargets(List.of(), name -> {
            lookedUp.add(name);
            return List.of(InetAddress.ofLiteral("93.184.215.14"), InetAddress.ofLiteral("2606:2800:21f:cb07::1"));
        });

        var verdict = targets.check("https://Hooks.Example.org./aura");

        assertThat(lookedUp).containsExactly("hooks.example.org");
        assertThat(verdict).isEqualTo(new Pinned(new DnsName("hooks.example.org"),
                List.of(InetAddress.ofLiteral("93.184.215.14"), InetAddress.ofLiteral("2606:2800:21f:cb07::1"))));
        Pinned pinned = (Pinned) verdict;
        assertThat(pinned.isHost("hooks.example.org")).isTrue();
        assertThat(pinned.isHost("hooks.example.org.")).isTrue();
        assertThat(pinned.isHost("hooks.example.net")).isFalse();
        assertThat(((Pinned) publicOnly.check("http://[::ffff:93.184.215.14]/x")).isHost("93.184.215.14")).isTrue();
        assertThat(((Pinned) publicOnly.check("http://93.184.215.14/x")).isHost("93.184.215.15")).isFalse();
    }
}
