package io.aura.app.security;

import io.jsonwebtoken.JwtException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} requests; a token that does not verify is a 401 at
 * once, except on the endpoints that need none (API.md): there it is ignored, so a client that always
 * sends its last, expired token can still sign in again or decide with an approval token.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {
    private final AccessTokens tokens;
    private final ProblemWriter problems;
    private final RequestMatcher openEndpoints;

    public BearerTokenFilter(AccessTokens tokens, ProblemWriter problems, RequestMatcher openEndpoints) {
        this.tokens = tokens;
        this.problems = problems;
        this.openEndpoints = openEndpoints;
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
            if (openEndpoints.matches(request)) {
                chain.doFilter(request, response);
                return;
            }
            problems.write(response, 401, "Unauthorized", "The bearer token is not valid: it is unsigned, "
                    + "tampered with, expired or not issued by this server.");
            return;
        }
        List<SimpleGrantedAuthority> authorities = verified.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
        var auth = UsernamePasswordAuthenticationToken.authenticated(verified.username(), null, authorities);
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
