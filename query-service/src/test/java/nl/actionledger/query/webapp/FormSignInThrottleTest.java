package nl.actionledger.query.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import nl.actionledger.support.security.SignInFailures;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;

class FormSignInThrottleTest {

    private final SignInFailures failures = new SignInFailures(2, 100, Duration.ofMinutes(5));
    private final FormSignInThrottle throttle = new FormSignInThrottle(failures);

    @Test
    void afterTheAllowedFailuresASignInGoesBackToTheFormBeforeItsPasswordIsChecked() throws Exception {
        refused("guesser");
        refused("guesser");

        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain passwordCheck = new MockFilterChain();
        throttle.doFilter(signIn("guesser"), response, passwordCheck);

        assertThat(passwordCheck.getRequest())
                .as("the password check was reached")
                .isNull();
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?throttled");
        assertThat(Long.parseLong(response.getHeader("Retry-After"))).isPositive();
    }

    @Test
    void aRefusedSignInGoesBackToTheFormAndCountsAgainstTheLimitTheApiSharesWhileOthersSignInAsBefore()
            throws Exception {
        MockHttpServletResponse refusal = refused("guesser");
        assertThat(refusal.getRedirectedUrl()).isEqualTo("/login?error");
        // the API's HTTP Basic counts in the same place
        failures.failed("guesser", "127.0.0.1");

        assertThat(failures.waitBefore("guesser", "127.0.0.1")).isPositive();
        MockFilterChain passwordCheck = new MockFilterChain();
        throttle.doFilter(signIn("evaluator"), new MockHttpServletResponse(), passwordCheck);
        assertThat(passwordCheck.getRequest())
                .as("another user's sign-in reaches the password check")
                .isNotNull();
    }

    @Test
    void onlyThePostedSignInIsThrottled() throws Exception {
        refused("guesser");
        refused("guesser");

        MockHttpServletRequest page = new MockHttpServletRequest("GET", FormSignInThrottle.LOGIN);
        page.setServletPath(FormSignInThrottle.LOGIN);
        page.setParameter("username", "guesser");
        MockFilterChain rest = new MockFilterChain();
        throttle.doFilter(page, new MockHttpServletResponse(), rest);

        assertThat(rest.getRequest()).isNotNull();
    }

    private MockHttpServletResponse refused(String user) throws IOException, ServletException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.countingFailures()
                .onAuthenticationFailure(signIn(user), response, new BadCredentialsException("Bad credentials"));
        return response;
    }

    private static MockHttpServletRequest signIn(String user) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", FormSignInThrottle.LOGIN);
        request.setServletPath(FormSignInThrottle.LOGIN);
        request.setRemoteAddr("127.0.0.1");
        request.setParameter("username", user);
        request.setParameter("password", "guess");
        return request;
    }
}
