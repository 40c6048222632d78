package nl.actionledger.query.config;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The service's one {@code DataSource}, over two pools: the main pool, which the projections' processors, the
 * background checks and every ordinary request use, and a small pool of its own for the expensive reads (exports,
 * reports, changes, as-of, audit searches, the chain verification's passes). A thread marked with
 * {@link #enter()} takes its connections from the small pool; every other thread from the main one. So an
 * auditor's whole-table work can at most take the small pool's connections, never the ones the processors and the
 * coordinators' reads need, and a statement there runs under the small pool's own timeout.
 * <p>
 * Everything else sees one data source: {@code JdbcClient}, Spring's transactions (a transaction keeps the connection it
 * began with), Axon's storage engine and token store, the health check (not an expensive read, so it looks at the main
 * pool only: a busy expensive reads' pool never turns readiness DOWN).
 */
public final class ExpensiveReadPool extends DelegatingDataSource implements AutoCloseable {

    /** The Hikari pool name, and the {@code application_name} its connections show in {@code pg_stat_activity}. */
    public static final String POOL_NAME = "expensive-reads";

    public static final String APPLICATION_NAME = "query-service expensive reads";

    private static final ThreadLocal<Boolean> MARKED = new ThreadLocal<>();

    private final HikariDataSource main;
    private final HikariDataSource expensiveReads;

    ExpensiveReadPool(HikariDataSource main, HikariDataSource expensiveReads) {
        super(main);
        this.main = main;
        this.expensiveReads = expensiveReads;
    }

    /** From now on, until {@link #leave()}, this thread's connections come from the expensive reads' pool. */
    public static void enter() {
        MARKED.set(Boolean.TRUE);
    }

    public static void leave() {
        MARKED.remove();
    }

    static boolean marked() {
        return MARKED.get() != null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return (marked() ? expensiveReads : main).getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return (marked() ? expensiveReads : main).getConnection(username, password);
    }

    /** The expensive reads' pool, for its metrics and for tests. */
    public HikariDataSource expensiveReads() {
        return expensiveReads;
    }

    @Override
    public void close() {
        expensiveReads.close();
        main.close();
    }
}
