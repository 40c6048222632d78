package nl.actionledger.query.webapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import nl.actionledger.support.security.SignInFailures;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form under the same limit on failed sign-ins as HTTP Basic on the API ({@link SignInFailures}, one count
 * for both): a sign-in posted with a name or from an address that failed too often goes back to the login page, which
 * says to wait, before its password is checked; a refused sign-in counts as failed.
 */
final class FormSignInThrottle extends OncePerRequestFilter {

    static final String LOGIN = "/login";

    private final SignInFailures failures;

    FormSignInThrottle(SignInFailures failures) {
        this.failures = failures;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && LOGIN.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getParameter("username");
        Duration wait = user == null ? Duration.ZERO : failures.waitBefore(user, request.getRemoteAddr());
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(SignInFailures.seconds(wait)));
        response.sendRedirect(request.getContextPath() + LOGIN + "?throttled");
    }

    /** Spring Security's answer to a refused sign-in (back to the form, saying so), after counting it. */
    AuthenticationFailureHandler countingFailures() {
        AuthenticationFailureHandler toTheForm = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException refused) -> {
            String user = request.getParameter("username");
            if (user != null) {
                failures.failed(user, request.getRemoteAddr());
            }
            toTheForm.onAuthenticationFailure(request, response, refused);
        };
    }
}
