package io.aura.app.external;

import io.aura.graph.ClientCredentialsTokens;
import io.aura.graph.GraphCalendars;
import io.aura.graph.GraphEvents;
import io.aura.kernel.schedule.ExternalCalendars;
import io.aura.kernel.schedule.ExternalEvents;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Outlook calendars through Microsoft Graph, on when an app registration is configured
 * ({@code AURA_GRAPH_TENANT_ID}, {@code AURA_GRAPH_CLIENT_ID}, {@code AURA_GRAPH_CLIENT_SECRET};
 * application permission Calendars.ReadWrite: Aura reads busy times and writes its bookings). Without it
 * nothing calls out and no calendar can be linked usefully (ADR 0015, 0043).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aura.graph.client-id")
public class GraphConfiguration {

    /** One app-only token for reading and writing. */
    @Bean
    public ClientCredentialsTokens graphTokens(@Value("${aura.graph.base-url:https://graph.microsoft.com/v1.0}") String baseUrl,
                                               @Value("${aura.graph.token-url:}") String tokenUrl,
                                               @Value("${aura.graph.tenant-id:}") String tenantId,
                                               @Value("${aura.graph.client-id}") String clientId,
                                               @Value("${aura.graph.client-secret}") String clientSecret, Clock clock) {
        URI tokens = tokenUrl.isBlank() ? ClientCredentialsTokens.endpointOf(tenantId) : URI.create(tokenUrl);
        return new ClientCredentialsTokens(tokens, clientId, clientSecret, URI.create(baseUrl).getHost(), clock);
    }

    /** Writes bookings into linked room calendars; each call cut off after {@code aura.graph.write-timeout}. */
    @Bean
    public ExternalEvents externalEvents(@Value("${aura.graph.base-url:https://graph.microsoft.com/v1.0}") String baseUrl,
                                         ClientCredentialsTokens graphTokens,
                                         @Value("${aura.graph.write-timeout:PT30S}") Duration timeout) {
        return new GraphEvents(baseUrl, graphTokens, timeout);
    }

    @Bean
    public ExternalCalendars externalCalendars(@Value("${aura.graph.base-url:https://graph.microsoft.com/v1.0}") String baseUrl,
                                               ClientCredentialsTokens graphTokens,
                                               @Value("${aura.graph.retries:2}") int retries,
                                               @Value("${aura.graph.retry-delay-seconds:2}") long retryDelaySeconds) {
        return new GraphCalendars(baseUrl, graphTokens, retries, retryDelaySeconds);
    }
}
