package nl.actionledger.command.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * At most {@code actionledger.rate-limit.changes-per-minute} changes per user and minute (a token bucket per signed-in
 * user, refilled evenly; a burst of that many is allowed), so that one runaway script cannot take the service from
 * everyone else. Beyond it, 429 with {@code Retry-After}. 0 turns the limit off. Counted per instance: with two
 * instances behind a balancer a user gets up to twice the limit.
 */
@Component
class ChangeRateLimit implements HandlerInterceptor, WebMvcConfigurer {

    private final long changesPerMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    ChangeRateLimit(@Value("${actionledger.rate-limit.changes-per-minute}") long changesPerMinute) {
        if (changesPerMinute < 0) {
            throw new IllegalStateException("actionledger.rate-limit.changes-per-minute (CHANGE_RATE_LIMIT_PER_MINUTE) "
                    + "must be 0 (no limit) or more; it is " + changesPerMinute);
        }
        this.changesPerMinute = changesPerMinute;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (changesPerMinute == 0
                || HttpMethod.GET.matches(request.getMethod())
                || HttpMethod.HEAD.matches(request.getMethod())
                || user == null) {
            return true;
        }
        ConsumptionProbe probe =
                buckets.get(user.getName(), name -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new ChangeRateLimitExceededException(
                    changesPerMinute,
                    Math.max(
                            1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
        }
        return true;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(
                        limit -> limit.capacity(changesPerMinute).refillGreedy(changesPerMinute, Duration.ofMinutes(1)))
                .build();
    }
}
