package io.aura.app.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request: its id, method, path (never the query string, which may carry tokens), user,
 * status and time. Bodies and headers are never logged, so no password or token reaches a log.
 * The id is the caller's {@code X-Request-Id} when it is a plain token (so a client can trace its own
 * request), otherwise a new one; it is answered in the same header and goes into the metadata of every
 * command and event the request causes ({@link io.aura.kernel.MessageMetadata#REQUEST_ID}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger("aura.requests");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        String requestId = requestId(request.getHeader(REQUEST_ID_HEADER));
        request.setAttribute(REQUEST_ID, requestId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            Object user = request.getAttribute(AUTHENTICATED_USER);
            log.info("{} {} {} user={} status={} {}ms", requestId, request.getMethod(), loggable(request.getRequestURI()),
                    user == null ? "-" : user,
                    response.getStatus(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** A calendar feed's path is its secret (ADR 0032): the log shows that a feed was read, not which. */
    static String loggable(String path) {
        return path != null && path.startsWith("/ical/") ? "/ical/*.ics" : path;
    }

    /** The caller's id if it is safe to log and store (no spaces, quotes or control characters), else a new one. */
    static String requestId(String offered) {
        return offered != null && OFFERED_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    private static final Pattern OFFERED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** Request attribute holding the request's id. */
    public static final String REQUEST_ID = RequestLogFilter.class.getName() + ".requestId";

    /** Request attribute the authentication filter sets, since its security context is cleared before we log. */
    public static final String AUTHENTICATED_USER = RequestLogFilter.class.getName() + ".user";
}
