package io.aura.graph;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An app-only token for Microsoft Graph by the OAuth 2.0 client-credentials grant (Microsoft
 * identity platform), kept until a minute before it expires. It is handed only to the Graph host
 * itself, never to another URL the SDK might follow.
 */
public final class ClientCredentialsTokens implements AccessTokenProvider {
    static final Duration EARLY = Duration.ofMinutes(1);

    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final AllowedHostsValidator allowedHosts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ClientCredentialsTokens(URI tokenEndpoint, String clientId, String clientSecret, String graphHost, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = "https://graph.microsoft.com/.default";
        this.allowedHosts = new AllowedHostsValidator(graphHost);
        this.clock = clock;
    }

    /** The tenant's token endpoint on the public cloud. */
    public static URI endpointOf(String tenantId) {
        return URI.create("https://login.microsoftonline.com/" + URLEncoder.encode(tenantId, StandardCharsets.UTF_8)
                + "/oauth2/v2.0/token");
    }

    @Override
    public synchronized String getAuthorizationToken(URI uri, Map<String, Object> context) {
        if (!allowedHosts.isUrlHostValid(uri)) {
            return ""; // no token for any other host
        }
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
        return allowedHosts;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + "&scope=" + encode(scope);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(tokenEndpoint)
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                // the error body names the cause (bad secret, unknown tenant) and never the secret
                throw new IllegalStateException("token endpoint answered " + answer.statusCode() + ": " + answer.body());
            }
            JsonObject body = JsonParser.parseString(answer.body()).getAsJsonObject();
            token = body.get("access_token").getAsString();
            long lifetime = body.has("expires_in") ? body.get("expires_in").getAsLong() : 300;
            renewAt = clock.instant().plusSeconds(lifetime).minus(EARLY);
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a Graph token", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
