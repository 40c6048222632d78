package nl.actionledger.query.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections' secondary indexes (and two keys in the actions' order), set aside while a bulk rebuild of every
 * projection appends a whole history and built once at the end (migration V11 gives the functions that may do so; {@link AbandonedRebuilds} builds them when
 * a rebuild stopped half way). After a rebuild the tables are vacuumed and their statistics gathered at once, too.
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

    /** The tables a bulk rebuild fills, as V18 lets the runtime login vacuum them. */
    private static final List<String> TABLES = List.of(
            "query_model.audit_entry",
            "query_model.audit_change",
            "query_model.action_state",
            "query_model.action_baseline",
            "query_model.action_view",
            "query_model.organisation");

    private static final Logger log = LoggerFactory.getLogger(ProjectionIndexes.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;

    ProjectionIndexes(JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dataSource = dataSource;
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

    /**
     * Vacuums the tables just filled, with fresh planner statistics (migration V18): what autovacuum would otherwise do
     * while the service answers. VACUUM runs outside a transaction, on a connection of the pool whose statement timeout
     * (10 s) is lifted meanwhile; a few seconds at a million events.
     */
    void vacuum() {
        long started = System.nanoTime();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            String timeout = currentTimeout(statement);
            statement.execute("SET statement_timeout = '30min'");
            try {
                statement.execute("VACUUM (ANALYZE) " + String.join(", ", TABLES));
            } finally {
                try (PreparedStatement restore =
                        connection.prepareStatement("SELECT set_config('statement_timeout', ?, false)")) {
                    restore.setString(1, timeout);
                    restore.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not vacuum the projection tables after the bulk rebuild", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        log.debug("Projection tables vacuumed after {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static String currentTimeout(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("SHOW statement_timeout")) {
            result.next();
            return result.getString(1);
        }
    }

    /** Those that are set aside now. */
    List<String> missing() {
        return jdbc.sql("SELECT name FROM unnest(:names) AS name WHERE to_regclass('query_model.' || name) IS NULL")
                .param("names", SET_ASIDE)
                .query(String.class)
                .list();
    }
}
