package io.aura.app.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request: method, path (never the query string, which may carry tokens), user,
 * status and time. Bodies and headers are never logged, so no password or token reaches a log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger("aura.requests");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object user = request.getAttribute(AUTHENTICATED_USER);
            log.info("{} {} user={} status={} {}ms", request.getMethod(), request.getRequestURI(),
                    user == null ? "-" : user,
                    response.getStatus(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Request attribute the authentication filter sets, since its security context is cleared before we log. */
    public static final String AUTHENTICATED_USER = RequestLogFilter.class.getName() + ".user";
}
