package nl.actionledger.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A bulkhead for the questions that read a whole period or the whole history (the export, reports, changes, the plan
 * as of a date, the audit search): at most {@code actionledger.expensive-reads.max-concurrent} of them run at once on
 * an instance, so that auditors' bulk work cannot take every pooled connection and core from the projections and the
 * other readers. One more is answered 429 with {@code Retry-After}, at once, rather than queued.
 */
@Configuration
public class ExpensiveReads implements HandlerInterceptor, WebMvcConfigurer {

    static final String[] PATHS = {"/api/audit", "/api/audit/export", "/api/plans/*/report", "/api/plans/*/changes",
        "/api/plans/*/as-of", "/api/plans/*/actions/*/as-of"};
    private static final String HOLDS_PERMIT = ExpensiveReads.class.getName() + ".permit";

    private final Semaphore permits;

    ExpensiveReads(@Value("${actionledger.expensive-reads.max-concurrent}") int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalStateException("actionledger.expensive-reads.max-concurrent (EXPENSIVE_READS_MAX_CONCURRENT) "
                    + "must be at least 1; it is " + maxConcurrent);
        }
        this.permits = new Semaphore(maxConcurrent);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(PATHS);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!permits.tryAcquire()) {
            throw new TooBusyException();
        }
        request.setAttribute(HOLDS_PERMIT, Boolean.TRUE);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(HOLDS_PERMIT) != null) {
            request.removeAttribute(HOLDS_PERMIT);
            permits.release();
        }
    }

    /** Every permit is taken: the client should try again in a moment. */
    public static final class TooBusyException extends RuntimeException {
        TooBusyException() {
            super("Too many exports, reports and searches over whole periods run at the moment; try again in a moment.");
        }
    }
}
