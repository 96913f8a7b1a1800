package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.notify.WebhookAddressPolicy.DnsName;
import io.aura.app.notify.WebhookAddressPolicy.IpLiteral;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressPolicyTest {
    @Test
    void a_host_is_read_in_lower_case_without_one_trailing_dot_and_an_address_as_the_address() {
        assertThat(WebhookAddressPolicy.read("https://Hooks.Example.ORG./x?y=1"))
                .isEqualTo(new DnsName("hooks.example.org"));
        assertThat(WebhookAddressPolicy.read("https://93.184.215.14:8443/x"))
                .isEqualTo(new IpLiteral("93.184.215.14", InetAddress.ofLiteral("93.184.215.14")));
        assertThat(WebhookAddressPolicy.read("https://[2606:4700:4700::1111]/x"))
                .isEqualTo(new IpLiteral("2606:4700:4700::1111", InetAddress.ofLiteral("2606:4700:4700::1111")));
    }

    /** Just outside the ranges refused, and the embedded forms of public IPv4 addresses. */
    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
            "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0",
            "192.0.1.255", "192.0.3.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0",
            "223.255.255.255", "2606:4700:4700::1111", "64:ff9b::5db8:d70e", "2002:5db8:d70e::1",
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7", "2001:db9::1", "fbff::1", "fe7f::1"})
    void public_addresses_are_public(String address) {
        assertThat(WebhookAddressPolicy.nonPublic(InetAddress.ofLiteral(address))).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.example.org", "localhost.example.org", "local.example.org", "example.internal.org"})
    void names_ending_in_a_public_suffix_are_not_local(String name) {
        assertThat(WebhookAddressPolicy.localName(name)).as(name).isEmpty();
    }
}
