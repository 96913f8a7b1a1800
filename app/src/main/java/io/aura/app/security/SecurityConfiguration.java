package io.aura.app.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.aura.ui.LoginView;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API is stateless: every request carries an ES256 bearer token (ADR 0004). Endpoints
 * are closed unless listed open here, and each controller method states its roles
 * ({@code @PreAuthorize}), checked on the server. The Vaadin UI has its own chain with a session.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public SigningKeys signingKeys(@Value("${aura.jwt.private-key:}") String privateKey,
                                   @Value("${aura.jwt.public-key:}") String publicKey,
                                   @Value("${aura.jwt.previous-public-keys:}") String previousPublicKeys,
                                   @Value("${aura.calendar-feeds.key:}") String feedKey,
                                   @Value("${aura.data-dir}") String dataDir,
                                   Environment environment) {
        return SigningKeys.loadFor(new SigningKeys.Settings(privateKey, publicKey, previousPublicKeys, feedKey),
                List.of(environment.getActiveProfiles()), Path.of(dataDir));
    }

    @Bean
    public AccessTokens accessTokens(SigningKeys keys, @Value("${aura.jwt.access-token-ttl:PT15M}") Duration ttl,
                                     Clock clock) {
        return new AccessTokens(keys, ttl, clock);
    }

    @Bean
    public ApprovalTokens approvalTokens(SigningKeys keys, Clock clock) {
        return new ApprovalTokens(keys, clock);
    }

    @Bean
    public BookingTokens bookingTokens(SigningKeys keys, Clock clock) {
        return new BookingTokens(keys, clock);
    }

    @Bean
    public AuditAnchors auditAnchors(SigningKeys keys, Clock clock) {
        return new AuditAnchors(keys, clock);
    }

    @Bean
    public LoginThrottle loginThrottle(Clock clock,
                                       @Value("${aura.login.user-free-failures:5}") int userFree,
                                       @Value("${aura.login.address-free-failures:20}") int addressFree,
                                       @Value("${aura.storage:embedded}") String storage,
                                       org.springframework.beans.factory.ObjectProvider<javax.sql.DataSource> dataSource,
                                       org.springframework.beans.factory.ObjectProvider<
                                               org.springframework.transaction.PlatformTransactionManager> transactions) {
        var perUser = new LoginThrottle.Limits(userFree, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofHours(1));
        var perAddress = new LoginThrottle.Limits(addressFree, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofHours(1));
        // several nodes on one PostgreSQL database count together; one node counts in memory (ADR 0053)
        return "postgres".equals(storage)
                ? new LoginThrottle(perUser, perAddress, clock,
                        new SqlFailureLedger(dataSource.getObject(), transactions.getObject()))
                : new LoginThrottle(perUser, perAddress, clock);
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm id stored in each hash so it can be upgraded later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public ProblemWriter problemWriter(JsonMapper jsonMapper) {
        return new ProblemWriter(jsonMapper);
    }

    /**
     * The firewall's refusals (a header with a control or non-ASCII character, an encoded slash in the
     * path) answer 400 as a problem; by default they would surface as a 500.
     */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(response, 400, "Bad request",
                "The request could not be read as sent (its path, query string or headers).");
    }

    /** Paths of the machine-facing API: bearer tokens, no session. Everything else is the Vaadin UI. */
    static final String[] API_PATHS = {
        "/api/**", "/events/**", "/dashboard/**", "/approvals/**", "/.well-known/**", "/actuator/**",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error", "/ical/**"
    };

    /** The API endpoints that need no bearer token (API.md "Conventions"); the rules below permit the same. */
    static RequestMatcher openEndpoints() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/api/auth/token"),
                paths.matcher(HttpMethod.POST, "/approvals/authorize"), paths.matcher(HttpMethod.GET, "/approvals/decide"),
                paths.matcher(HttpMethod.GET, "/.well-known/jwks.json"), paths.matcher("/actuator/health"),
                paths.matcher("/actuator/health/**"), paths.matcher("/v3/api-docs"), paths.matcher("/v3/api-docs/**"),
                paths.matcher("/swagger-ui.html"), paths.matcher("/swagger-ui/**"),
                paths.matcher(HttpMethod.GET, "/ical/**"));
    }

    /**
     * The API answers JSON and a few plain pages (approval links, Swagger UI): its own origin only, never
     * framed. HSTS is Spring Security's default and is sent on HTTPS requests only.
     */
    static final String API_CSP = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /**
     * Vaadin's bootstrap runs inline scripts and sets inline styles, and its push channel is a
     * WebSocket to the same host; everything else is our own origin (the calendar's bundle is served
     * by us, QR codes are data: URLs).
     */
    static final String UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    @Bean
    @Order(1)
    public SecurityFilterChain apiSecurity(HttpSecurity http, AccessTokens tokens, AuraUserDetailsService accounts,
                                           ProblemWriter problems,
                                           ObjectProvider<SingleSignOnConfiguration.ProviderTokens> providerTokens)
            throws Exception {
        http
                .securityMatcher(API_PATHS)
                .csrf(csrf -> csrf.disable()) // no cookies, no ambient credentials: bearer tokens only
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth
                        // a stream's end comes back as an async dispatch without the bearer token's context; the
                        // request it ends was authorized when it began, and a stream checks its caller at each send
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .requestMatchers(HttpMethod.POST, "/approvals/authorize").permitAll()
                        .requestMatchers(HttpMethod.GET, "/approvals/decide").permitAll()
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        // a calendar feed's secret URL is its own credential (ADR 0032)
                        .requestMatchers(HttpMethod.GET, "/ical/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(response, 401,
                                "Unauthorized", "This endpoint needs a bearer token: POST /api/auth/token first."))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response, 403, "Forbidden",
                                "Your roles do not allow this.")))
                .addFilterBefore(new BearerTokenFilter(tokens, accounts, problems, openEndpoints(),
                        providerTokens.getIfAvailable() != null), UsernamePasswordAuthenticationFilter.class);
        SingleSignOnConfiguration.ProviderTokens provider = providerTokens.getIfAvailable();
        if (provider != null) {
            acceptProviderTokens(http, provider, problems);
        }
        return http.build();
    }

    /**
     * Single sign-on (ADR 0042): a bearer token that is not ours is checked as the OpenID provider's access
     * token by Spring's resource server, after our own filter; ours and the open endpoints never reach it.
     */
    private static void acceptProviderTokens(HttpSecurity http, SingleSignOnConfiguration.ProviderTokens provider,
                                             ProblemWriter problems) throws Exception {
        var standard = new DefaultBearerTokenResolver();
        RequestMatcher open = openEndpoints();
        BearerTokenResolver notOursAndNotOpen = request -> {
            var signedIn = SecurityContextHolder.getContext().getAuthentication();
            return signedIn != null || open.matches(request) ? null : standard.resolve(request);
        };
        http.oauth2ResourceServer(rs -> rs
                .bearerTokenResolver(notOursAndNotOpen)
                .jwt(jwt -> jwt.decoder(provider.decoder()).jwtAuthenticationConverter(provider::authenticate))
                .authenticationEntryPoint((request, response, ex) -> problems.write(response, 401, "Unauthorized",
                        "The bearer token is not valid: it is unsigned, tampered with, expired, or not issued for "
                                + "this server by this server or its OpenID provider."))
                .accessDeniedHandler((request, response, ex) -> problems.write(response, 403, "Forbidden",
                        "Your roles do not allow this.")));
    }

    /**
     * The Vaadin UI: form sign-in with the same accounts, a server session, CSRF protection (Vaadin's).
     * Each request of a session acts with the account as it is now (a disabled user's session ends).
     */
    @Bean
    @Order(2)
    public SecurityFilterChain uiSecurity(HttpSecurity http, FormLoginThrottle throttle, ProblemWriter problems,
                                          AuraUserDetailsService accounts,
                                          ObjectProvider<SingleSignOnConfiguration.WebSignIn> webSignIn)
            throws Exception {
        http.addFilterBefore(throttle.filter(problems), UsernamePasswordAuthenticationFilter.class);
        http.addFilterAfter(new SessionAccountFilter(accounts), SecurityContextHolderFilter.class);
        http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(UI_CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        SingleSignOnConfiguration.WebSignIn provider = webSignIn.getIfAvailable();
        if (provider != null) {
            // "Sign in with …" beside the form (ADR 0042): the authorization-code flow, back to the sign-in
            // page saying so when the provider or Aura refuses
            var withPkce = new DefaultOAuth2AuthorizationRequestResolver(provider.registrations(),
                    OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
            withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(o -> o.loginPage("/login")
                    .clientRegistrationRepository(provider.registrations())
                    .authorizationEndpoint(a -> a.authorizationRequestResolver(withPkce))
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .userInfoEndpoint(u -> u.oidcUserService(provider.users()))
                    .failureUrl("/login?refused"));
        }
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(any -> any.authenticated()));
        return http.build();
    }
}
