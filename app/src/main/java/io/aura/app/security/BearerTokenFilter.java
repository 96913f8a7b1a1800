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
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer} requests; any token that does not verify is a 401 at once. */
public final class BearerTokenFilter extends OncePerRequestFilter {
    private final AccessTokens tokens;
    private final ProblemWriter problems;

    public BearerTokenFilter(AccessTokens tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
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
