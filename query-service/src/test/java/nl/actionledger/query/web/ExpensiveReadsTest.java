package nl.actionledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ExpensiveReadsTest {

    private final ExpensiveReads bulkhead = new ExpensiveReads(2);
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aReadBeyondTheLimitIsRefusedAndAFinishedOneFreesItsPlace() {
        MockHttpServletRequest first = new MockHttpServletRequest();
        MockHttpServletRequest second = new MockHttpServletRequest();
        MockHttpServletRequest third = new MockHttpServletRequest();
        assertThat(bulkhead.preHandle(first, response, null)).isTrue();
        assertThat(bulkhead.preHandle(second, response, null)).isTrue();

        assertThatThrownBy(() -> bulkhead.preHandle(third, response, null)).isInstanceOf(ExpensiveReads.TooBusyException.class);
        // the refused one held no place, so finishing it frees none
        bulkhead.afterCompletion(third, response, null, null);
        assertThatThrownBy(() -> bulkhead.preHandle(new MockHttpServletRequest(), response, null))
                .isInstanceOf(ExpensiveReads.TooBusyException.class);

        bulkhead.afterCompletion(first, response, null, new IllegalStateException("failed reads free their place too"));
        bulkhead.afterCompletion(first, response, null, null);
        assertThat(bulkhead.preHandle(new MockHttpServletRequest(), response, null)).isTrue();
        assertThatThrownBy(() -> bulkhead.preHandle(new MockHttpServletRequest(), response, null))
                .as("completing the same request twice freed one place only").isInstanceOf(ExpensiveReads.TooBusyException.class);
    }

    @Test
    void aLimitBelowOneIsRefusedAtStart() {
        assertThatThrownBy(() -> new ExpensiveReads(0)).hasMessageContaining("EXPENSIVE_READS_MAX_CONCURRENT");
    }
}
