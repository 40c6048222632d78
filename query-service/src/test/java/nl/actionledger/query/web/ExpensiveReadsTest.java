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

    private final ExpensiveReads bulkheads = new ExpensiveReads(3, 2, 1);
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    /** A place marks the thread for the expensive reads' pool; the requests left open here must not mark the next test's. */
    @AfterEach
    void unmarkThread() {
        ExpensiveReadPool.leave();
    }

    @Test
    void aReadBeyondItsKindsLimitIsRefusedAndAFinishedOneFreesItsPlace() throws Exception {
        HandlerInterceptor reports = bulkheads.bulkhead(Kind.REPORT);
        MockHttpServletRequest first = new MockHttpServletRequest();
        MockHttpServletRequest second = new MockHttpServletRequest();
        MockHttpServletRequest third = new MockHttpServletRequest();
        assertThat(reports.preHandle(first, response, null)).isTrue();
        assertThat(reports.preHandle(second, response, null)).isTrue();

        assertThatThrownBy(() -> reports.preHandle(third, response, null))
                .isInstanceOf(TooBusyException.class)
                .hasMessageContaining("2 reports and lists of changes");
        // the refused one held no place, so finishing it frees none
        reports.afterCompletion(third, response, null, null);
        assertThatThrownBy(() -> reports.preHandle(new MockHttpServletRequest(), response, null))
                .isInstanceOf(TooBusyException.class);

        reports.afterCompletion(first, response, null, new IllegalStateException("failed reads free their place too"));
        reports.afterCompletion(first, response, null, null);
        assertThat(reports.preHandle(new MockHttpServletRequest(), response, null))
                .isTrue();
        assertThatThrownBy(() -> reports.preHandle(new MockHttpServletRequest(), response, null))
                .as("completing the same request twice freed one place only")
                .isInstanceOf(TooBusyException.class);
    }

    @Test
    void everyKindSharesTheOverallLimit() throws Exception {
        HandlerInterceptor reports = bulkheads.bulkhead(Kind.REPORT);
        HandlerInterceptor asOf = bulkheads.bulkhead(Kind.AS_OF);
        HandlerInterceptor searches = bulkheads.bulkhead(Kind.AUDIT_SEARCH);
        MockHttpServletRequest report = new MockHttpServletRequest();
        assertThat(reports.preHandle(report, response, null)).isTrue();
        assertThat(reports.preHandle(new MockHttpServletRequest(), response, null))
                .isTrue();
        assertThat(asOf.preHandle(new MockHttpServletRequest(), response, null))
                .as("another kind has room")
                .isTrue();

        assertThatThrownBy(() -> searches.preHandle(new MockHttpServletRequest(), response, null))
                .as("three of three places taken")
                .isInstanceOf(TooBusyException.class)
                .hasMessageContaining("At most 3");
        reports.afterCompletion(report, response, null, null);
        assertThat(searches.preHandle(new MockHttpServletRequest(), response, null))
                .isTrue();
    }

    @Test
    void exportPagesTakeTurnsAndARefusedOneGivesUpItsTurn() throws Exception {
        HandlerInterceptor exports = bulkheads.bulkhead(Kind.EXPORT);
        HandlerInterceptor reports = bulkheads.bulkhead(Kind.REPORT);
        MockHttpServletRequest first = new MockHttpServletRequest();
        assertThat(exports.preHandle(first, response, null)).isTrue();
        assertThatThrownBy(() -> exports.preHandle(new MockHttpServletRequest(), response, null))
                .as("after waiting for its turn")
                .isInstanceOf(TooBusyException.class)
                .hasMessageContaining("Export pages take turns");
        exports.afterCompletion(first, response, null, null);

        // Every place taken by reports and another kind: the export gets its turn but no place, and gives the turn up.
        assertThat(reports.preHandle(new MockHttpServletRequest(), response, null))
                .isTrue();
        assertThat(reports.preHandle(new MockHttpServletRequest(), response, null))
                .isTrue();
        assertThat(bulkheads.bulkhead(Kind.AS_OF).preHandle(new MockHttpServletRequest(), response, null))
                .isTrue();
        assertThatThrownBy(() -> exports.preHandle(new MockHttpServletRequest(), response, null))
                .hasMessageContaining("At most 3");
        long asked = System.nanoTime();
        assertThatThrownBy(() -> exports.preHandle(new MockHttpServletRequest(), response, null))
                .hasMessageContaining("At most 3");
        assertThat(System.nanoTime() - asked).as("the turn was free: no wait").isLessThan(1_000_000_000L);
    }

    @Test
    void limitsBelowOneAreRefusedAtStart() {
        assertThatThrownBy(() -> new ExpensiveReads(0, 2, 1)).hasMessageContaining("EXPENSIVE_READS_MAX_CONCURRENT");
        assertThatThrownBy(() -> new ExpensiveReads(4, 0, 1))
                .hasMessageContaining("EXPENSIVE_READS_MAX_CONCURRENT_PER_KIND");
    }
}
