package nl.actionledger.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import nl.actionledger.support.web.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Basic mode: failed sign-ins per user name and per client address, so that nobody can guess passwords at the speed of
 * the service, nor spend its CPU on password hashes. One count for every way of signing in (HTTP Basic on the API, the
 * web app's login form), so that switching between them gives a guesser no fresh allowance. Past the limit within the
 * window, sign-ins with that name or from that address wait until enough of the window has passed, before any
 * password is checked; a right password does not lift the limit early (or a guesser would learn that it is right).
 * Counted per instance.
 */
public final class SignInFailures {

    private static final Logger log = LoggerFactory.getLogger(SignInFailures.class);

    private final long failuresPerUser;
    private final long failuresPerAddress;
    private final Duration window;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;

    public SignInFailures(long failuresPerUser, long failuresPerAddress, Duration window) {
        this.failuresPerUser = failuresPerUser;
        this.failuresPerAddress = failuresPerAddress;
        this.window = window;
        this.users = Caffeine.newBuilder()
                .expireAfterAccess(window.multipliedBy(2))
                .maximumSize(100_000)
                .build();
        this.addresses = Caffeine.newBuilder()
                .expireAfterAccess(window.multipliedBy(2))
                .maximumSize(100_000)
                .build();
    }

    /** How long a sign-in with this name or from this address must wait; zero while failures are still allowed. */
    public Duration waitBefore(String user, String address) {
        return Duration.ofNanos(Math.max(wait(userFailures(user)), wait(addressFailures(address))));
    }

    /** Counts a failed sign-in with this name from this address. */
    public void failed(String user, String address) {
        Bucket userFailures = userFailures(user);
        Bucket addressFailures = addressFailures(address);
        userFailures.tryConsume(1);
        addressFailures.tryConsume(1);
        if (wait(userFailures) > 0 || wait(addressFailures) > 0) {
            log.warn("Sign-ins throttled after repeated failures: user {} or address {}", LogSafe.of(user), address);
        }
    }

    /** Whole seconds to tell a client to wait ({@code Retry-After}), rounded up. */
    public static long seconds(Duration wait) {
        return wait.toSeconds() + 1;
    }

    private Bucket userFailures(String user) {
        return users.get(user, name -> bucket(failuresPerUser));
    }

    private Bucket addressFailures(String address) {
        return addresses.get(address, any -> bucket(failuresPerAddress));
    }

    /** How long until one more failure would be allowed; 0 while some remain. */
    private static long wait(Bucket failures) {
        return failures.getAvailableTokens() > 0
                ? 0
                : Math.max(1, failures.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private Bucket bucket(long failures) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, window))
                .build();
    }
}
