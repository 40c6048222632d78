package nl.actionledger.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The auditors' two whole-table questions at the history's size: verifying every hash chain, and exporting a month of
 * events with their hashes. The issue sets them no target; they are measured so that their cost is known, with few
 * samples because each may read the whole event table. A failure (a timeout, an error) is recorded, not fatal.
 */
final class IntegrityChecks {

    /** Timed requests per check, after one that warms up. */
    private static final int SAMPLES = 3;
    static final String VERIFY = "/api/audit/verify";
    static final String EXPORT_A_MONTH = "/api/audit/export?from=2024-03-01T00:00:00Z&to=2024-04-01T00:00:00Z&page=0&size=1000";

    private IntegrityChecks() {
    }

    static Map<String, Object> measure(LedgerClient client, String auditorToken) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("verifyChains", timed(client, auditorToken, VERIFY, SAMPLES));
        figures.put("exportAMonth", timed(client, auditorToken, EXPORT_A_MONTH, SAMPLES));
        return figures;
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
            }
            for (int i = 0; i < samples; i++) {
                latencies.add(client.query(token, path).requireOk(path).nanos());
            }
            figure.putAll(latencies.summary().asFigures());
        } catch (RuntimeException e) {
            figure.put("failed", e.getMessage());
        }
        System.out.println("  " + path + ": " + (figure.containsKey("failed") ? "FAILED " + figure.get("failed")
                : latencies.summary() + (figure.containsKey("status") ? ", " + figure.get("status") : "")));
        return figure;
    }
}
