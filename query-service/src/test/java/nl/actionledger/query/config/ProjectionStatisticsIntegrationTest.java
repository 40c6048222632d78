package nl.actionledger.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.junit.jupiter.api.Test;

/**
 * ANALYZE reads 300 rows per unit of the largest statistics target of a table's columns: one column of the audit trail
 * or the timeline left at the default would bring back the full sample (V16).
 */
class ProjectionStatisticsIntegrationTest extends QueryServiceIntegrationTestBase {

    @Test
    void everyColumnOfTheAuditTrailAndTheTimelineHasStatisticsFromASmallerSample() {
        var columns = jdbc.sql("""
                        SELECT attrelid::regclass::text || '.' || attname FROM pg_attribute
                        WHERE attrelid IN ('query_model.audit_entry'::regclass, 'query_model.audit_change'::regclass,
                                           'query_model.action_state'::regclass)
                          AND attnum > 0 AND NOT attisdropped AND attstattarget IS DISTINCT FROM 30""").query(String.class).list();

        assertThat(columns).as("columns with another statistics target").isEmpty();
    }
}
