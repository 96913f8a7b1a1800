package io.aura.app.external;

import io.aura.graph.ClientCredentialsTokens;
import io.aura.graph.GraphCalendars;
import io.aura.kernel.schedule.ExternalCalendars;
import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Outlook calendars through Microsoft Graph, on when an app registration is configured
 * ({@code AURA_GRAPH_TENANT_ID}, {@code AURA_GRAPH_CLIENT_ID}, {@code AURA_GRAPH_CLIENT_SECRET};
 * application permission Calendars.Read). Without it nothing calls out and no calendar can be linked
 * usefully (ADR 0015).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aura.graph.client-id")
public class GraphConfiguration {

    @Bean
    public ExternalCalendars externalCalendars(@Value("${aura.graph.base-url:https://graph.microsoft.com/v1.0}") String baseUrl,
                                               @Value("${aura.graph.token-url:}") String tokenUrl,
                                               @Value("${aura.graph.tenant-id:}") String tenantId,
                                               @Value("${aura.graph.client-id}") String clientId,
                                               @Value("${aura.graph.client-secret}") String clientSecret,
                                               @Value("${aura.graph.retries:2}") int retries,
                                               @Value("${aura.graph.retry-delay-seconds:2}") long retryDelaySeconds,
                                               Clock clock) {
        URI tokens = tokenUrl.isBlank() ? ClientCredentialsTokens.endpointOf(tenantId) : URI.create(tokenUrl);
        return new GraphCalendars(baseUrl, new ClientCredentialsTokens(tokens, clientId, clientSecret,
                URI.create(baseUrl).getHost(), clock), retries, retryDelaySeconds);
    }
}
