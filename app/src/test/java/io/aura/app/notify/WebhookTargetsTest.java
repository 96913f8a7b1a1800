package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {
    final WebhookTargets publicOnly = new WebhookTargets(List.of());

    @Test
    void addresses_inside_a_network_are_refused() {
        for (String url : List.of("http://127.0.0.1/x", "http://localhost/x", "http://0.0.0.0/x", "http://10.0.0.1/x",
                "http://172.16.5.4/x", "http://192.168.1.1/x", "http://169.254.169.254/latest", "http://100.64.0.1/x",
                "http://[::1]/x", "http://[fe80::1]/x", "http://[fc00::1]/x", "http://224.0.0.1/x")) {
            assertThat(publicOnly.refusal(url)).as(url).isNotNull();
        }
    }

    @Test
    void a_public_address_is_allowed_and_a_private_host_only_when_named() {
        assertThat(publicOnly.refusal("https://93.184.215.14/hook")).isNull();
        WebhookTargets withInternalReceiver = new WebhookTargets(List.of("127.0.0.1", " Hooks.Internal "));
        assertThat(withInternalReceiver.refusal("http://127.0.0.1:9000/hook")).isNull();
        assertThat(withInternalReceiver.refusal("http://localhost:9000/hook")).as("by name, not by address").isNotNull();
    }

    @Test
    void a_host_that_does_not_resolve_yet_is_not_refused_for_it_deliveries_check_again() {
        assertThat(publicOnly.refusal("https://no-such-host.invalid/hook")).isNull();
    }
}
