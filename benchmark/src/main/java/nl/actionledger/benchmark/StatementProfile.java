package nl.actionledger.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where PostgreSQL spends its time during a write test, per accepted change (or during the replay, per event): pg_stat_statements (loaded by
 * {@link BenchmarkDatabase}) is reset before the test and read after it. A statement's time is the server's
 * wall-clock time inside it, summed over every backend: CPU, waits for locks and I/O, and for a COMMIT the wait for its
 * WAL flush. A trigger's work counts in its INSERT. The figures say which statements to make cheaper; the CPU per
 * change (from /proc) stays the measure of cost. Statements are summed by their first 160 characters: a JDBC batch sent
 * as multi-row INSERTs is one statement per number of rows, and they are one cost.
 */
final class StatementProfile {

    private static final int SHOWN = 16;

    private final BenchmarkDatabase database;
    /** Whose statements count: a condition on {@code pg_roles.rolname}. */
    private final String logins;

    StatementProfile(BenchmarkDatabase database) {
        this(database, "true");
    }

    private StatementProfile(BenchmarkDatabase database, String logins) {
        this.database = database;
        this.logins = logins;
    }

    /** Only the statements of one login: two systems measured in turn on one server are profiled apart. */
    static StatementProfile onlyOf(BenchmarkDatabase database, String login) {
        return new StatementProfile(database, "rolname = '" + loginName(login) + "'");
    }

    /** The statements of every login but one. Resetting any profile resets them all. */
    static StatementProfile allBut(BenchmarkDatabase database, String login) {
        return new StatementProfile(database, "rolname <> '" + loginName(login) + "'");
    }

    private static String loginName(String login) {
        if (!login.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a login name: " + login);
        }
        return login;
    }

    void reset() {
        database.execute("SELECT pg_stat_statements_reset()");
    }

    /** The statements that took the most time since {@link #reset()}, each per accepted change. */
    Result read(long acceptedChanges) {
        List<Map<String, Object>> statements = new ArrayList<>();
        double totalMs;
        long totalCalls;
        try (Connection connection = database.connect()) {
            try (PreparedStatement top = connection.prepareStatement("""
                    SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS statement, rolname,
                           sum(calls), sum(total_exec_time) AS time
                    FROM pg_stat_statements JOIN pg_roles ON pg_roles.oid = userid
                    WHERE %s
                    GROUP BY statement, rolname ORDER BY time DESC LIMIT ?""".formatted(logins))) {
                top.setInt(1, SHOWN);
                try (ResultSet result = top.executeQuery()) {
                    while (result.next()) {
                        Map<String, Object> statement = new LinkedHashMap<>();
                        statement.put("statement", result.getString(1));
                        statement.put("login", result.getString(2));
                        statement.put("callsPerChange", Figures.round(result.getLong(3) / (double) acceptedChanges));
                        statement.put("msPerChange", Figures.round(result.getDouble(4) / acceptedChanges));
                        statements.add(statement);
                    }
                }
            }
            try (PreparedStatement all = connection.prepareStatement(
                            "SELECT coalesce(sum(total_exec_time), 0), coalesce(sum(calls), 0) "
                                    + "FROM pg_stat_statements JOIN pg_roles ON pg_roles.oid = userid WHERE "
                                    + logins);
                    ResultSet result = all.executeQuery()) {
                result.next();
                totalMs = result.getDouble(1);
                totalCalls = result.getLong(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pg_stat_statements", e);
        }
        return new Result(
                Figures.round(totalMs / acceptedChanges),
                Figures.round(totalCalls / (double) acceptedChanges),
                statements);
    }

    /** @param callsPerChange statements of every kind (BEGIN and COMMIT too) per accepted change: the round trips */
    record Result(double msPerChange, double callsPerChange, List<Map<String, Object>> statements) {

        Map<String, Object> asFigures() {
            return Map.of(
                    "allStatementsMsPerChange",
                    msPerChange,
                    "allStatementsPerChange",
                    callsPerChange,
                    "top",
                    statements);
        }

        String describe() {
            return describe("accepted change");
        }

        /** @param unit what the figures are per: the write tests' accepted change, the replay's event */
        String describe(String unit) {
            StringBuilder text = new StringBuilder(String.format(
                    Locale.ROOT,
                    "  PostgreSQL time in statements per %s: %.3f ms in %.1f statements, of which%n",
                    unit,
                    msPerChange,
                    callsPerChange));
            for (Map<String, Object> statement : statements) {
                text.append(String.format(
                        Locale.ROOT,
                        "    %6.3f ms  %5.2f calls  %-14s %s%n",
                        statement.get("msPerChange"),
                        statement.get("callsPerChange"),
                        statement.get("login"),
                        statement.get("statement")));
            }
            return text.toString();
        }
    }
}
