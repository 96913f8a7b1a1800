package io.aura.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The UI's form sign-in is throttled like the API's token endpoint (same {@link LoginThrottle}):
 * failures and successes are counted from Spring Security's events, and a blocked name or address
 * gets 429 with Retry-After before its password is even checked.
 */
@Component
public class FormLoginThrottle {
    private final LoginThrottle throttle;

    public FormLoginThrottle(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** A failure was counted when the filter let the attempt through (begin); a success takes it back. */
    @EventListener
    public void on(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    public OncePerRequestFilter filter(ProblemWriter problems) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
                    String username = request.getParameter("username");
                    Optional<Duration> wait = throttle.begin(username == null ? "" : username, request.getRemoteAddr());
                    if (wait.isPresent()) {
                        long seconds = Math.max(1, wait.get().toSeconds());
                        response.setHeader("Retry-After", Long.toString(seconds));
                        String accept = request.getHeader("Accept");
                        if (accept != null && accept.contains("text/html")) {
                            // a person at the sign-in page: back to it, told how long to wait (not a JSON page)
                            response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds);
                            return;
                        }
                        problems.write(response, 429, "Too many requests",
                                "Too many failed sign-ins; try again in " + seconds + " s.");
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    }
}
