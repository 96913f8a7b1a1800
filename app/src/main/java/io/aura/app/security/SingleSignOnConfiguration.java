package io.aura.app.security;

import io.aura.app.ops.RequestLogFilter;
import io.aura.gateway.ReadYourWrites;
import io.aura.ui.SingleSignOnLink;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Single sign-on through an OpenID provider (ADR 0042), present only when {@code aura.sso.issuer-uri} is set:
 * the API's check of the provider's access tokens and the UI's authorization-code sign-in. Nothing here asks
 * the provider anything at start: its discovery document and keys are read at the first sign-in or token, so
 * the server starts while the provider is away.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SingleSignOnProperties.class)
@ConditionalOnExpression("!'${aura.sso.issuer-uri:}'.isBlank()")
public class SingleSignOnConfiguration {
    /** The registration's id: the redirect URI is {@code {base}/login/oauth2/code/oidc}. */
    public static final String REGISTRATION_ID = "oidc";

    @Bean
    public RoleMapping ssoRoleMapping(SingleSignOnProperties settings) {
        return RoleMapping.parse(settings.roleClaims(), settings.roleMapping(), settings.defaultRoles());
    }

    @Bean
    public SingleSignOnAccounts singleSignOnAccounts(SingleSignOnProperties settings, RoleMapping ssoRoleMapping,
                                                     AuraUserDetailsService accounts, CredentialStore credentials,
                                                     PasswordEncoder encoder, ReadYourWrites readYourWrites,
                                                     CommandGateway commands) {
        return new SingleSignOnAccounts(settings, ssoRoleMapping, accounts, credentials, encoder, readYourWrites,
                commands);
    }

    /** What the API needs to take the provider's access tokens. */
    public record ProviderTokens(JwtDecoder decoder, SingleSignOnAccounts accounts) {
        /** The token's person as an Aura caller with the roles the token maps to; a refusal is a 401. */
        public UsernamePasswordAuthenticationToken authenticate(Jwt jwt) {
            try {
                var account = accounts.signIn(jwt.getClaims());
                if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
                    // the request log names the caller, as for the API's own tokens
                    request.getRequest().setAttribute(RequestLogFilter.AUTHENTICATED_USER, account.username());
                }
                return UsernamePasswordAuthenticationToken.authenticated(account.username(), null,
                        account.authorities());
            } catch (SingleSignOnAccounts.RefusedException e) {
                throw new InvalidBearerTokenException("The provider's token is valid, but Aura does not let its "
                        + "person in: " + e.getMessage());
            }
        }
    }

    /**
     * The provider's access tokens as the API takes them: signed with a key of the provider's JWKS (RS256, no
     * unsigned tokens), unexpired, from exactly the configured issuer and naming Aura's audience.
     */
    @Bean
    public ProviderTokens providerTokens(SingleSignOnProperties settings, SingleSignOnAccounts accounts) {
        String audience = settings.requiredAudience();
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("aura.sso.issuer-uri is set but neither aura.sso.audience nor "
                    + "aura.sso.client-id: the API could not tell its own tokens from any other of the provider");
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
        JwtDecoder decoder = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder discovered = NimbusJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
            discovered.setJwtValidator(validator);
            return discovered;
        });
        return new ProviderTokens(decoder, accounts);
    }

    /** What the UI needs for "Sign in with …": the client registration and who the signed-in person is. */
    public record WebSignIn(ClientRegistrationRepository registrations, OAuth2UserService<OidcUserRequest, OidcUser> users) {}

    @Bean
    @ConditionalOnExpression("!'${aura.sso.client-id:}'.isBlank()")
    public WebSignIn webSignIn(SingleSignOnProperties settings, SingleSignOnAccounts accounts) {
        OidcUserService provider = new OidcUserService();
        OAuth2UserService<OidcUserRequest, OidcUser> users = request -> {
            OidcUser signedIn = provider.loadUser(request);
            try {
                var account = accounts.signIn(signedIn.getClaims());
                return new SingleSignOnUser(account.username(), account.authorities(), signedIn);
            } catch (SingleSignOnAccounts.RefusedException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied"), e.getMessage());
            }
        };
        return new WebSignIn(new DiscoveredRegistration(settings), users);
    }

    @Bean
    @ConditionalOnExpression("!'${aura.sso.client-id:}'.isBlank()")
    public SingleSignOnLink singleSignOnLink(SingleSignOnProperties settings) {
        return new SingleSignOnLink(settings.providerName(), "oauth2/authorization/" + REGISTRATION_ID);
    }

    /** The UI's client at the provider, its endpoints from the discovery document read at the first sign-in. */
    static final class DiscoveredRegistration implements ClientRegistrationRepository {
        private final SingleSignOnProperties settings;
        private volatile ClientRegistration registration;

        DiscoveredRegistration(SingleSignOnProperties settings) {
            this.settings = settings;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration known = registration;
            if (known == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                                .registrationId(REGISTRATION_ID)
                                .clientId(settings.clientId())
                                .clientSecret(settings.clientSecret())
                                .scope(settings.scopes())
                                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                                .clientName(settings.providerName())
                                .build();
                    }
                    known = registration;
                }
            }
            return known;
        }
    }
}
