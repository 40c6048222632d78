package nl.actionledger.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import nl.actionledger.tooling.OwnedAction;

/**
 * How long a change takes to show in query-service: the time from command-service's 200 to the moment the current
 * view's row (what query-service answers from) holds the new version, polled every millisecond. The row is read
 * straight from the database: polling through HTTP that often would take the CPU the services need. The probe
 * changes an action nobody else touches.
 */
final class LagProbe {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

    private final LedgerClient client;
    private final OwnedAction probe;
    private final BenchmarkDatabase database;

    LagProbe(LedgerClient client, OwnedAction probe, BenchmarkDatabase database) {
        this.client = client;
        this.probe = probe;
        this.database = database;
    }

    /** Up to {@code samples} measurements, one every {@code spacing}, stopping early at {@code deadlineNanos}. */
    Latencies measure(int samples, Duration spacing, long deadlineNanos) throws InterruptedException, SQLException {
        Latencies lags = new Latencies();
        try (Connection connection = database.connect();
                PreparedStatement view = connection.prepareStatement(
                        "SELECT version FROM query_model.action_view WHERE aggregate_id = ?")) {
            view.setString(1, OwnedAction.PLAN + "/" + probe.actionId);
            measure(samples, spacing, deadlineNanos, view, lags);
        }
        return lags;
    }

    private void measure(int samples, Duration spacing, long deadlineNanos, PreparedStatement view, Latencies lags)
            throws InterruptedException, SQLException {
        for (int i = 0; i < samples && System.nanoTime() < deadlineNanos; i++) {
            LedgerClient.Response accepted = client.change(
                            probe.token,
                            OwnedAction.PLAN,
                            probe.actionId,
                            "status",
                            probe.statusChange("Lag probe " + i),
                            null)
                    .requireOk("The lag probe's change");
            probe.statusAccepted();
            long acceptedAt = System.nanoTime();
            long version = accepted.json().get("version").asLong();
            while (true) {
                if (versionShown(view) >= version) {
                    lags.add(System.nanoTime() - acceptedAt);
                    break;
                }
                if (System.nanoTime() - acceptedAt > GIVE_UP_AFTER.toNanos()) {
                    throw new IllegalStateException("A change did not show in query-service within " + GIVE_UP_AFTER);
                }
                Thread.sleep(1);
            }
            Thread.sleep(spacing.toMillis());
        }
    }

    private static long versionShown(PreparedStatement view) throws SQLException {
        try (ResultSet result = view.executeQuery()) {
            return result.next() ? result.getLong(1) : -1;
        }
    }

    /** Measures on its own thread while something else loads the system. */
    Thread measureInBackground(int samples, Duration spacing, long deadlineNanos, Latencies into) {
        Thread thread = new Thread(
                () -> {
                    try {
                        Latencies lags = measure(samples, spacing, deadlineNanos);
                        into.addAll(lags);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (SQLException e) {
                        throw new IllegalStateException("The lag probe could not read the view", e);
                    }
                },
                "lag-probe");
        thread.start();
        return thread;
    }
}
