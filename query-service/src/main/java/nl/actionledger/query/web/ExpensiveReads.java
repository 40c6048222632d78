package nl.actionledger.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.Semaphore;
import nl.actionledger.query.config.ExpensiveReadPool;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A bulkhead for the questions that read a whole period or the whole history (the export, reports, changes, the plan
 * as of a date, the audit search): at most {@code actionledger.expensive-reads.max-concurrent} of them run at once on
 * an instance, and at most {@code max-concurrent-per-kind} of each {@link Kind}, so that auditors' bulk work cannot
 * take every core from the projections and the other readers, and a flood of exports leaves room for a report. One
 * more is answered 429 with {@code Retry-After}, at once, rather than queued. Export pages moreover take turns and rest
 * between them ({@link PacedExports}). A read that got its place takes its connections from the expensive reads' own
 * pool ({@link ExpensiveReadPool}), never from the main one.
 */
@Configuration
class ExpensiveReads implements WebMvcConfigurer {

    /**
     * The kinds of expensive read, each with its own limit, and the addresses that ask them: the API's, and the web app's
     * pages and downloads that ask the same questions (one place per request: the page of the plan through time asks
     * its course and the plan as of a date, the reports page the changes and the report).
     */
    public enum Kind {
        EXPORT("exports", "/api/integrity/export", "/api/audit/export"),
        AUDIT_SEARCH("audit searches", "/api/audit", "/auditing"),
        REPORT(
                "reports and lists of changes",
                "/api/plans/*/report",
                "/api/plans/*/changes",
                "/reports",
                "/reports/*/*"),
        AS_OF(
                "plans as of a date",
                "/api/plans/*/as-of",
                "/api/plans/*/actions/*/as-of",
                "/api/plans/*/status-over-time",
                "/history");

        private final String description;
        private final String[] paths;

        Kind(String description, String... paths) {
            this.description = description;
            this.paths = paths;
        }
    }

    private static final String HOLDS_PERMIT = ExpensiveReads.class.getName() + ".permit";
    private static final String EXPORT_STARTED = ExpensiveReads.class.getName() + ".exportStarted";

    private final Semaphore permits;
    private final int maxConcurrent;
    private final int maxPerKind;
    private final PacedExports exports;

    ExpensiveReads(
            @Value("${actionledger.expensive-reads.max-concurrent}") int maxConcurrent,
            @Value("${actionledger.expensive-reads.max-concurrent-per-kind}") int maxPerKind,
            @Value("${actionledger.exports.max-share}") double exportsMaxShare) {
        if (maxConcurrent < 1) {
            throw new IllegalStateException(
                    "actionledger.expensive-reads.max-concurrent (EXPENSIVE_READS_MAX_CONCURRENT) "
                            + "must be at least 1; it is " + maxConcurrent);
        }
        if (maxPerKind < 1) {
            throw new IllegalStateException("actionledger.expensive-reads.max-concurrent-per-kind "
                    + "(EXPENSIVE_READS_MAX_CONCURRENT_PER_KIND) must be at least 1; it is " + maxPerKind);
        }
        this.permits = new Semaphore(maxConcurrent);
        this.maxConcurrent = maxConcurrent;
        this.maxPerKind = Math.min(maxPerKind, maxConcurrent);
        this.exports = new PacedExports(exportsMaxShare);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        for (Kind kind : Kind.values()) {
            registry.addInterceptor(bulkhead(kind)).addPathPatterns(kind.paths);
        }
    }

    /** The bulkhead of one kind of read: its own places, within the places every kind shares. */
    public HandlerInterceptor bulkhead(Kind kind) {
        return new KindBulkhead(kind, new Semaphore(maxPerKind));
    }

    private final class KindBulkhead implements HandlerInterceptor {

        private final Kind kind;
        private final Semaphore kindPermits;

        KindBulkhead(Kind kind, Semaphore kindPermits) {
            this.kind = kind;
            this.kindPermits = kindPermits;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (kind == Kind.EXPORT) {
                request.setAttribute(EXPORT_STARTED, exports.awaitTurn());
            }
            try {
                takePlace();
            } catch (TooBusyException refused) {
                endExportTurn(request);
                throw refused;
            }
            request.setAttribute(HOLDS_PERMIT, Boolean.TRUE);
            ExpensiveReadPool.enter();
            return true;
        }

        private void takePlace() {
            if (!kindPermits.tryAcquire()) {
                throw new TooBusyException(
                        "At most " + maxPerKind + " " + kind.description + " run at once; try again in a moment.");
            }
            if (!permits.tryAcquire()) {
                kindPermits.release();
                throw new TooBusyException("At most " + maxConcurrent + " exports, reports and searches over whole "
                        + "periods run at once; try again in a moment.");
            }
        }

        @Override
        public void afterCompletion(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            if (request.getAttribute(HOLDS_PERMIT) != null) {
                request.removeAttribute(HOLDS_PERMIT);
                ExpensiveReadPool.leave();
                permits.release();
                kindPermits.release();
            }
            endExportTurn(request);
        }

        private void endExportTurn(HttpServletRequest request) {
            if (request.getAttribute(EXPORT_STARTED) instanceof Long started) {
                request.removeAttribute(EXPORT_STARTED);
                exports.pageEnded(started);
            }
        }
    }
}
