package nl.actionledger.tooling;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The logins of a production deployment (README, "Running with Docker") in an embedded PostgreSQL: the event store's
 * owner and the read side's owner run the migrations, {@code ledger_app} (command-service) reads and appends events,
 * {@code ledger_reader} (query-service) reads them and writes only its own schema. The fault suite and the local run
 * set their services up this way, so what they show holds for production's grants.
 */
public final class LedgerLogins {

    public static final String OWNER = "ledger_owner";
    public static final String QUERY_OWNER = "ledger_query_owner";
    public static final String RUNTIME = "ledger_app";
    public static final String READER = "ledger_reader";

    private final String jdbcUrl;
    private final Map<String, String> passwords;

    private LedgerLogins(String jdbcUrl, Map<String, String> passwords) {
        this.jdbcUrl = jdbcUrl;
        this.passwords = passwords;
    }

    /**
     * Creates the logins (or keeps those that exist: the local run's data outlives a start), sets each one's password
     * and lets the owners create their schemas (Flyway does, at the first start).
     *
     * @param superuser a connection as the server's superuser
     * @param jdbcUrl   where the services connect
     * @param password  each login's password, by its name; it is put in SQL as it is, so it must need no quoting
     */
    public static LedgerLogins create(Connection superuser, String jdbcUrl, UnaryOperator<String> password)
            throws SQLException {
        Map<String, String> passwords = new LinkedHashMap<>();
        try (Statement statement = superuser.createStatement()) {
            for (String login : new String[] {OWNER, QUERY_OWNER, RUNTIME, READER}) {
                String loginPassword = password.apply(login);
                statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + login + "') "
                        + "THEN CREATE ROLE " + login + "; END IF; END $$");
                statement.execute("ALTER ROLE " + login + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB "
                        + "PASSWORD '" + loginPassword + "'");
                passwords.put(login, loginPassword);
            }
            statement.execute("GRANT CREATE ON DATABASE postgres TO " + OWNER + ", " + QUERY_OWNER);
        }
        return new LedgerLogins(jdbcUrl, passwords);
    }

    /** What command-service needs: its migrations as the event store's owner, its work as the runtime login. */
    public Map<String, String> commandServiceEnvironment() {
        Map<String, String> environment = environment(RUNTIME, OWNER);
        environment.put("DATABASE_READER_USER", READER);
        return environment;
    }

    /** What query-service needs: its migrations as the read side's owner, its work as the reader. */
    public Map<String, String> queryServiceEnvironment() {
        return environment(READER, QUERY_OWNER);
    }

    public String password(String login) {
        return passwords.get(login);
    }

    private Map<String, String> environment(String login, String migrationLogin) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DATABASE_JDBC_URL", jdbcUrl);
        environment.put("DATABASE_USER", login);
        environment.put("DATABASE_PASSWORD", passwords.get(login));
        environment.put("DATABASE_MIGRATION_USER", migrationLogin);
        environment.put("DATABASE_MIGRATION_PASSWORD", passwords.get(migrationLogin));
        return environment;
    }
}
