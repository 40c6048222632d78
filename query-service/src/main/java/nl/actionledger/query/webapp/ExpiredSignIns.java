package nl.actionledger.query.webapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A web app session signed in with an access token (jwt mode, {@link AccessTokenSession}) lasts no longer than that
 * token: past its expiry the session ends and the user signs in again, so that roles withdrawn at the issuer stop
 * counting here too, and the change form never sends command-service a token it would refuse.
 */
final class ExpiredSignIns extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn instanceof AccessTokenSession session && session.expired()) {
            SecurityContextHolder.clearContext();
            HttpSession ended = request.getSession(false);
            if (ended != null) {
                ended.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
