package nl.actionledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.actionledger.query.config.ExpensiveReadPool;
import nl.actionledger.query.web.ExpensiveReads.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

class ExpensiveReadsTest {

    private final ExpensiveReads bulkheads = new ExpensiveReads(3, 2);
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    /** A place marks the thread for the expensive reads' pool; the requests left open here must not mark the next test's. */
    @AfterEach
    void unmarkThread() {
        ExpensiveReadPool.leave();
    }

    @Test
    void aReadBeyondItsKindsLimitIsRefusedAndAFinishedOneFreesItsPlace() throws Exception {
        HandlerInterceptor exports = bulkheads.bulkhead(Kind.EXPORT);
        MockHttpServletRequest first = new MockHttpServletRequest();
        MockHttpServletRequest second = new MockHttpServletRequest();
        MockHttpServletRequest third = new MockHttpServletRequest();
        assertThat(exports.preHandle(first, response, null)).isTrue();
        assertThat(exports.preHandle(second, response, null)).isTrue();

        assertThatThrownBy(() -> exports.preHandle(third, response, null))
                .isInstanceOf(ExpensiveReads.TooBusyException.class).hasMessageContaining("2 exports");
        // the refused one held no place, so finishing it frees none
        exports.afterCompletion(third, response, null, null);
        assertThatThrownBy(() -> exports.preHandle(new MockHttpServletRequest(), response, null))
                .isInstanceOf(ExpensiveReads.TooBusyException.class);

        exports.afterCompletion(first, response, null, new IllegalStateException("failed reads free their place too"));
        exports.afterCompletion(first, response, null, null);
        assertThat(exports.preHandle(new MockHttpServletRequest(), response, null)).isTrue();
        assertThatThrownBy(() -> exports.preHandle(new MockHttpServletRequest(), response, null))
                .as("completing the same request twice freed one place only")
                .isInstanceOf(ExpensiveReads.TooBusyException.class);
    }

    @Test
    void everyKindSharesTheOverallLimit() throws Exception {
        HandlerInterceptor exports = bulkheads.bulkhead(Kind.EXPORT);
        HandlerInterceptor reports = bulkheads.bulkhead(Kind.REPORT);
        HandlerInterceptor searches = bulkheads.bulkhead(Kind.AUDIT_SEARCH);
        MockHttpServletRequest export = new MockHttpServletRequest();
        assertThat(exports.preHandle(export, response, null)).isTrue();
        assertThat(exports.preHandle(new MockHttpServletRequest(), response, null)).isTrue();
        assertThat(reports.preHandle(new MockHttpServletRequest(), response, null)).as("another kind has room").isTrue();

        assertThatThrownBy(() -> searches.preHandle(new MockHttpServletRequest(), response, null))
                .as("three of three places taken").isInstanceOf(ExpensiveReads.TooBusyException.class)
                .hasMessageContaining("At most 3");
        exports.afterCompletion(export, response, null, null);
        assertThat(searches.preHandle(new MockHttpServletRequest(), response, null)).isTrue();
    }

    @Test
    void limitsBelowOneAreRefusedAtStart() {
        assertThatThrownBy(() -> new ExpensiveReads(0, 2)).hasMessageContaining("EXPENSIVE_READS_MAX_CONCURRENT");
        assertThatThrownBy(() -> new ExpensiveReads(4, 0)).hasMessageContaining("EXPENSIVE_READS_MAX_CONCURRENT_PER_KIND");
    }
}
