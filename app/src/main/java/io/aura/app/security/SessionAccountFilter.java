package io.aura.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A UI session says who signed in, not what they may do now: each of its requests (pages, and the UI's
 * XHR round trips, which carry every click) acts with the account's roles as its events leave them at
 * this moment. The session of a disabled or unknown user is ended and the request goes on signed out,
 * so the UI sends the browser to the sign-in page. The session keeps what it holds; only this request's
 * context carries the current roles.
 */
final class SessionAccountFilter extends OncePerRequestFilter {
    private final AuraUserDetailsService accounts;

    SessionAccountFilter(AuraUserDetailsService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AuraUserDetailsService.Account> account = accounts.activeAccount(signedIn.getName());
        if (account.isEmpty()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            chain.doFilter(request, response);
            return;
        }
        var now = UsernamePasswordAuthenticationToken.authenticated(signedIn.getPrincipal(), null,
                account.get().authorities());
        now.setDetails(signedIn.getDetails());
        var context = SecurityContextHolder.createEmptyContext(); // a new one: the session's stays as it was
        context.setAuthentication(now);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
