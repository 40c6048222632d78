package nl.actionledger.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import nl.actionledger.support.web.LogSafe;
import nl.actionledger.support.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Basic mode: failed sign-ins are limited per user name and per client address, so that nobody can guess passwords at
 * the speed of the service, nor spend its CPU on password hashes. Past the limit within the window, sign-ins with that
 * name or from that address are answered 429 with {@code Retry-After}, before any password is checked, until enough
 * of the window has passed; a right password does not lift the limit early (or a guesser would learn that it is
 * right). Counted per instance.
 */
final class SignInThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final String BASIC = "Basic ";

    private final ProblemWriter problems;
    private final long failuresPerUser;
    private final long failuresPerAddress;
    private final Duration window;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;

    SignInThrottle(ProblemWriter problems, long failuresPerUser, long failuresPerAddress, Duration window) {
        this.problems = problems;
        this.failuresPerUser = failuresPerUser;
        this.failuresPerAddress = failuresPerAddress;
        this.window = window;
        this.users = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
        this.addresses = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        Bucket userFailures = users.get(user, name -> bucket(failuresPerUser));
        Bucket addressFailures = addresses.get(request.getRemoteAddr(), address -> bucket(failuresPerAddress));
        long waitNanos = Math.max(wait(userFailures), wait(addressFailures));
        if (waitNanos > 0) {
            long seconds = Duration.ofNanos(waitNanos).toSeconds() + 1;
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "SIGN_IN_THROTTLED",
                    "Too many failed sign-ins for this user or from this address; try again in " + seconds + " s.");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            userFailures.tryConsume(1);
            addressFailures.tryConsume(1);
            if (wait(userFailures) > 0 || wait(addressFailures) > 0) {
                log.warn("Sign-ins throttled after repeated failures: user {} or address {}",
                        LogSafe.of(user), request.getRemoteAddr());
            }
        }
    }

    /** How long until one more failure would be allowed; 0 while some remain. */
    private static long wait(Bucket failures) {
        return failures.getAvailableTokens() > 0 ? 0
                : Math.max(1, failures.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private Bucket bucket(long failures) {
        return Bucket.builder().addLimit(limit -> limit.capacity(failures).refillGreedy(failures, window)).build();
    }

    /** The user name of a Basic header, or {@code null} for any other or a malformed one (Spring answers those). */
    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
