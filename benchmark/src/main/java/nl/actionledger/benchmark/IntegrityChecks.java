package nl.actionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The auditors' questions of the whole history at its size: the answer of {@code GET /api/integrity/verify} (the last
 * background verification), how long a full verification takes in the background, and a page of 1,000 events of the
 * export for a month early and a month late in the history. A failure (a timeout, an error) is recorded, not fatal.
 */
final class IntegrityChecks {

    static final String VERIFY = "/api/integrity/verify";
    static final String EXPORT_EARLY_MONTH =
            "/api/integrity/export?from=2021-03-01T00:00:00Z&to=2021-04-01T00:00:00Z&size=1000";
    static final String EXPORT_LATE_MONTH =
            "/api/integrity/export?from=2026-09-01T00:00:00Z&to=2026-10-01T00:00:00Z&size=1000";
    private static final Duration FULL_PASS_TIMEOUT = Duration.ofMinutes(10);
    /**
     * Export pages take turns and rest between them on query-service (EXPORTS_MAX_SHARE, a quarter of the time by
     * default: the next page waits three times as long as the last took). The timed auditor keeps to that pace, so
     * that each figure is the page's own time and not its wait for its turn.
     */
    private static final int EXPORT_REST_PER_PAGE = 3;

    private IntegrityChecks() {}

    static Map<String, Object> measure(LedgerClient client, String auditorToken, int samples) {
        Map<String, Object> figures = new LinkedHashMap<>();
        // First a full pass, so that the answers timed next come from a verification of the whole history.
        figures.put("fullVerification", fullVerification(client, auditorToken));
        figures.put("verifyChains", timed(client, auditorToken, VERIFY, samples));
        figures.put("exportEarlyMonth", timed(client, auditorToken, EXPORT_EARLY_MONTH, samples));
        figures.put("exportLateMonth", timed(client, auditorToken, EXPORT_LATE_MONTH, samples));
        return figures;
    }

    /** Starts a full pass ({@code POST /api/integrity/verify}) and waits for its result. */
    private static Map<String, Object> fullVerification(LedgerClient client, String token) {
        Map<String, Object> figure = new LinkedHashMap<>();
        try {
            long started = System.nanoTime();
            Instant requested = Instant.now();
            long pass = client.queryPost(token, VERIFY)
                    .requireStatus(202, VERIFY)
                    .json()
                    .get("pass")
                    .asLong();
            JsonNode result = client.query(token, VERIFY).requireOk(VERIFY).json();
            // The POST also compares every audit entry with its event; the reads timed next must not share the
            // machine with either.
            while (!finished(result.get("lastFullPass"), pass) && !finished(result.get("lastFailure"), pass)
                    || !comparedSince(result.get("auditTrail"), requested)) {
                if (System.nanoTime() - started > FULL_PASS_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("no result after " + FULL_PASS_TIMEOUT);
                }
                Thread.sleep(100);
                result = client.query(token, VERIFY).requireOk(VERIFY).json();
            }
            if (finished(result.get("lastFailure"), pass)) {
                throw new IllegalStateException("the full pass failed (see query-service's log)");
            }
            JsonNode full = result.get("lastFullPass");
            double seconds = Duration.between(
                                    Instant.parse(full.get("startedAt").asText()),
                                    Instant.parse(full.get("finishedAt").asText()))
                            .toMillis()
                    / 1000.0;
            figure.put("status", result.get("status").asText());
            figure.put("events", full.get("eventsRead").asLong());
            figure.put("chains", result.get("chains").asLong());
            figure.put("seconds", Figures.round(seconds));
            figure.put("eventsPerSecond", Figures.round(full.get("eventsRead").asLong() / Math.max(seconds, 0.001)));
            figure.put("secondsUntilSeen", Figures.round((System.nanoTime() - started) / 1e9));
            figure.put("auditTrail", result.get("auditTrail").get("status").asText());
            System.out.printf(
                    "  full verification in the background: %,d events in %.1f s, %s; audit trail %s, "
                            + "every entry compared with its event, %.1f s after the request%n",
                    full.get("eventsRead").asLong(),
                    seconds,
                    result.get("status").asText(),
                    result.get("auditTrail").get("status").asText(),
                    (System.nanoTime() - started) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            figure.put("failed", "interrupted");
        } catch (RuntimeException e) {
            figure.put("failed", e.getMessage());
            System.out.println("  full verification: FAILED " + e.getMessage());
        }
        return figure;
    }

    /** Whether the audit trail's last comparison of every entry began after {@code requested} (it is published done). */
    private static boolean comparedSince(JsonNode auditTrail, Instant requested) {
        JsonNode comparedAt = auditTrail == null ? null : auditTrail.get("contentComparedAt");
        return comparedAt != null
                && !comparedAt.isNull()
                && !Instant.parse(comparedAt.asText()).isBefore(requested);
    }

    private static boolean finished(JsonNode pass, long number) {
        return pass != null && !pass.isNull() && pass.get("pass").asLong() >= number;
    }

    private static void keepThePace(String path, long pageNanos) {
        if (!path.equals(VERIFY)) {
            try {
                Thread.sleep(Duration.ofNanos(pageNanos * EXPORT_REST_PER_PAGE)
                        .plusMillis(1)
                        .toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static Map<String, Object> timed(LedgerClient client, String token, String path, int samples) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("request", path);
        Latencies latencies = new Latencies();
        try {
            LedgerClient.Response warmUp = client.query(token, path).requireOk(path);
            figure.put("answerBytes", warmUp.body().length());
            if (path.equals(VERIFY)) {
                figure.put("status", warmUp.json().get("status").asText());
            } else {
                figure.put("events", warmUp.json().get("events").size());
            }
            for (int i = 0; i < Math.min(20, samples); i++) {
                keepThePace(path, client.query(token, path).requireOk(path).nanos());
            }
            for (int i = 0; i < samples; i++) {
                long nanos = client.query(token, path).requireOk(path).nanos();
                latencies.add(nanos);
                keepThePace(path, nanos);
            }
            figure.putAll(latencies.summary().asFigures());
        } catch (RuntimeException e) {
            figure.put("failed", e.getMessage());
        }
        System.out.println("  " + path + ": "
                + (figure.containsKey("failed")
                        ? "FAILED " + figure.get("failed")
                        : latencies.summary() + (figure.containsKey("status") ? ", " + figure.get("status") : "")));
        return figure;
    }
}
