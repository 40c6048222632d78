package nl.actionledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The bulkhead as requests meet it: with every place taken, a bulk read is a 429 problem and a cheap read goes on. */
class ExpensiveReadsIntegrationTest extends QueryServiceIntegrationTestBase {

    @Autowired
    ExpensiveReads bulkhead;

    @Test
    void aBulkReadBeyondTheLimitIs429WhileOtherReadsGoOn() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<MockHttpServletRequest> running = new ArrayList<>();
        try {
            while (true) {
                MockHttpServletRequest request = new MockHttpServletRequest();
                bulkhead.preHandle(request, response, null);
                running.add(request);
            }
        } catch (ExpensiveReads.TooBusyException everyPlaceTaken) {
            assertThat(running).hasSize(4);
        }
        try {
            var refused = get("auditor", "/api/audit/export?from=2021-01-01T00:00:00Z&to=2021-02-01T00:00:00Z");
            assertProblem(refused, 429, "TOO_BUSY");
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertProblem(get("evaluator", "/api/plans/eu-wap-nl/report?from=2025-01-01&to=2025-06-30"), 429, "TOO_BUSY");
            assertThat(get("auditor", "/api/audit/verify").statusCode()).as("not a bulk read").isEqualTo(200);
        } finally {
            running.forEach(request -> bulkhead.afterCompletion(request, response, null, null));
        }
        assertThat(get("auditor", "/api/audit/export?from=2021-01-01T00:00:00Z&to=2021-02-01T00:00:00Z").statusCode())
                .isEqualTo(200);
    }
}
