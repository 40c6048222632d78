package nl.actionledger.support.observe;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's correlation id and the signed-in actor into the logging context (MDC) for as long as the request
 * is handled, so that every line logged meanwhile names them. It runs in the security filter chain right after sign-in,
 * so lines logged by the sign-in filters themselves (a throttled or failed sign-in) carry neither.
 *
 * <p>The correlation id is the client's {@code X-Correlation-Id} when it is allowed, else a new one; command-service
 * records that same id in the events (see {@code CorrelationId}), so a request's log lines, its events and the
 * projection work they cause share it. Per request: two MDC entries, and a random UUID when the client sent no id.
 */
public final class RequestLogContext extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HEADER);
        MDC.put(
                LogContext.CORRELATION_ID,
                LogContext.isAllowedCorrelationId(header)
                        ? header
                        : UUID.randomUUID().toString());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
            MDC.put(LogContext.ACTOR, authentication.getName());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogContext.CORRELATION_ID);
            MDC.remove(LogContext.ACTOR);
        }
    }

    /** The correlation id of the request this thread handles, or null outside a request. */
    public static String currentCorrelationId() {
        return MDC.get(LogContext.CORRELATION_ID);
    }
}
