package io.aura.app.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through an OpenID provider (ADR 0042), off while {@code issuerUri} is blank. Every value
 * can come from the environment ({@code AURA_SSO_ISSUER_URI}, {@code AURA_SSO_CLIENT_SECRET}, …); the secret
 * only from there. See docs/single-sign-on.md for Microsoft Entra ID.
 *
 * @param issuerUri the provider's issuer, whose discovery document names its endpoints and keys
 * @param clientId the web UI's client id at the provider; blank: the UI offers no provider sign-in
 * @param clientSecret the web UI's client secret
 * @param audience what the provider's access tokens for the API must name in {@code aud}; blank: the client id
 * @param providerName the name on the sign-in button ("Sign in with …")
 * @param usernameClaim the claim an Aura user name is made of (its part before any {@code @}, in lower case)
 * @param subjectClaim the claim that names the person for good at the provider ({@code oid} for Entra ID)
 * @param roleClaims the claims whose values map to roles (app roles, groups)
 * @param roleMapping {@code value=ROLE[,ROLE…]} entries separated by {@code ;}; a value that is a role's name
 *     maps to that role without an entry
 * @param defaultRoles roles everyone signing in through the provider holds besides the mapped ones
 * @param scopes what the UI asks the provider for
 */
@ConfigurationProperties(prefix = "aura.sso")
public record SingleSignOnProperties(String issuerUri, String clientId, String clientSecret, String audience,
                                     @DefaultValue("Microsoft") String providerName,
                                     @DefaultValue("preferred_username") String usernameClaim,
                                     @DefaultValue("sub") String subjectClaim,
                                     @DefaultValue({"roles", "groups"}) List<String> roleClaims,
                                     String roleMapping, List<String> defaultRoles,
                                     @DefaultValue({"openid", "profile", "email"}) List<String> scopes) {

    public SingleSignOnProperties {
        defaultRoles = defaultRoles == null ? List.of() : List.copyOf(defaultRoles);
        roleClaims = roleClaims == null ? List.of() : List.copyOf(roleClaims);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    /** Whether the web UI offers "Sign in with …" (a client is registered at the provider). */
    public boolean webSignIn() {
        return enabled() && clientId != null && !clientId.isBlank();
    }

    /** The audience the API's tokens must name: the configured one, or the client id (Entra ID's v2 tokens). */
    public String requiredAudience() {
        return audience != null && !audience.isBlank() ? audience : clientId;
    }
}
