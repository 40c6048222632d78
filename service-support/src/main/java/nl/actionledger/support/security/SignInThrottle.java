package nl.actionledger.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import nl.actionledger.support.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Basic mode, HTTP Basic: a sign-in with a name or from an address that failed too often ({@link SignInFailures}) is
 * answered 429 {@code SIGN_IN_THROTTLED} with {@code Retry-After} before its password is checked; a sign-in the
 * service answers 401 counts as failed.
 */
final class SignInThrottle extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final ProblemWriter problems;
    private final SignInFailures failures;

    SignInThrottle(ProblemWriter problems, SignInFailures failures) {
        this.problems = problems;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        Duration wait = failures.waitBefore(user, request.getRemoteAddr());
        if (!wait.isZero()) {
            long seconds = SignInFailures.seconds(wait);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "SIGN_IN_THROTTLED",
                    "Too many failed sign-ins for this user or from this address; try again in " + seconds + " s.");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            failures.failed(user, request.getRemoteAddr());
        }
    }

    /** The user name of a Basic header, or {@code null} for any other or a malformed one (Spring answers those). */
    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
