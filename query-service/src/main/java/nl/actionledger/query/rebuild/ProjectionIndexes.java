package nl.actionledger.query.rebuild;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections' secondary indexes (and two keys in the actions' order), set aside while a bulk rebuild of every
 * projection appends a whole history and built once at the end (migration V11 gives the functions that may do so; {@link AbandonedRebuilds} builds them when
 * a rebuild stopped half way). After a rebuild the tables' statistics are gathered at once, too.
 */
@Component
class ProjectionIndexes {

    /**
     * The indexes V11's functions (as V15 and V17 redefined them) set aside and restore: the secondary ones, and the two
     * keys whose order is the actions' rather than the events'.
     */
    private static final String[] SET_ASIDE = {
        "audit_entry_aggregate_sequence_key",
        "action_state_pkey",
        "audit_entry_actor_idx",
        "audit_entry_occurred_at_idx",
        "audit_entry_plan_idx",
        "action_state_plan_valid_from_idx",
        "action_state_in_force_idx",
        "action_state_status_changes_idx"
    };

    private static final Logger log = LoggerFactory.getLogger(ProjectionIndexes.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ProjectionIndexes(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    void setAside() {
        jdbc.sql("SELECT query_model.set_aside_projection_indexes()").query().singleRow();
    }

    /** Builds whichever are missing; a few seconds per index at a million events, hence the statement's own limit. */
    void restore() {
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL statement_timeout = '30min'").update();
            jdbc.sql("SET LOCAL maintenance_work_mem = '128MB'").update();
            jdbc.sql("SELECT query_model.restore_projection_indexes()").query().singleRow();
        });
        log.debug("Projection indexes in place after {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Fresh planner statistics for tables just filled (migration V12), which autovacuum would give them later. */
    void analyze() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL statement_timeout = '10min'").update();
            jdbc.sql("SELECT query_model.analyze_projections()").query().singleRow();
        });
    }

    /** Those that are set aside now. */
    List<String> missing() {
        return jdbc.sql("SELECT name FROM unnest(:names) AS name WHERE to_regclass('query_model.' || name) IS NULL")
                .param("names", SET_ASIDE)
                .query(String.class)
                .list();
    }
}
