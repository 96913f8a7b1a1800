package io.aura.app.security;

import io.jsonwebtoken.JwtException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} requests; a token that does not verify is a 401 at
 * once, except on the endpoints that need none (API.md): there it is ignored, so a client that always
 * sends its last, expired token can still sign in again or decide with an approval token.
 *
 * <p>A token that verifies says who the caller is, not what they may do now: the request acts with
 * the account's roles as its events leave them at this moment, and the account of a disabled (or
 * unknown) user is refused like an invalid token. A revoked role or a disabled user stops working at
 * the next request, on every node, however long the token still runs.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {
    private final AccessTokens tokens;
    private final AuraUserDetailsService accounts;
    private final ProblemWriter problems;
    private final RequestMatcher openEndpoints;
    private final boolean providerTokensAccepted;

    public BearerTokenFilter(AccessTokens tokens, AuraUserDetailsService accounts, ProblemWriter problems,
                             RequestMatcher openEndpoints) {
        this(tokens, accounts, problems, openEndpoints, false);
    }

    /**
     * @param providerTokensAccepted whether a token that is not ours goes on to the OpenID provider's check
     *     (single sign-on, ADR 0042), which answers 401 for it as this filter would; false: refused here
     */
    public BearerTokenFilter(AccessTokens tokens, AuraUserDetailsService accounts, ProblemWriter problems,
                             RequestMatcher openEndpoints, boolean providerTokensAccepted) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.problems = problems;
        this.openEndpoints = openEndpoints;
        this.providerTokensAccepted = providerTokensAccepted;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        AccessTokens.Verified verified;
        try {
            verified = tokens.verify(header.substring(7).trim());
        } catch (JwtException | IllegalArgumentException e) {
            if (openEndpoints.matches(request) || providerTokensAccepted) {
                chain.doFilter(request, response);
                return;
            }
            problems.write(response, 401, "Unauthorized", "The bearer token is not valid: it is unsigned, "
                    + "tampered with, expired or not issued by this server.");
            return;
        }
        Optional<AuraUserDetailsService.Account> account = accounts.activeAccount(verified.username());
        if (account.isEmpty()) {
            if (openEndpoints.matches(request)) {
                chain.doFilter(request, response);
                return;
            }
            problems.write(response, 401, "Unauthorized", "The bearer token's user is disabled or does not exist.");
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(verified.username(), null,
                account.get().authorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        request.setAttribute(io.aura.app.ops.RequestLogFilter.AUTHENTICATED_USER, verified.username());
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
