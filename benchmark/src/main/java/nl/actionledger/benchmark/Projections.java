package nl.actionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query-service's projections as its admin API shows them: waiting for them, and rebuilding them. */
final class Projections {

    private final LedgerClient client;
    private final String adminToken;

    Projections(LedgerClient client, String adminToken) {
        this.client = client;
        this.adminToken = adminToken;
    }

    /** Waits until every projection has reached the head of the event table; returns the seconds waited. */
    double awaitCaughtUp(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            if (all().stream().allMatch(Projections::caughtUp)) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException("The projections did not catch up within " + timeout + ": " + all());
            }
            Thread.sleep(100);
        }
    }

    /**
     * Rebuilds every projection through the admin API in one pass, as an operator would after a fix, and times each
     * until it is back at the head.
     */
    ReplayResult replayAll(Duration timeout) throws InterruptedException {
        List<String> names =
                all().stream().map(status -> status.get("name").asText()).toList();
        long head = all().get(0).get("head").asLong();
        long start = System.nanoTime();
        LedgerClient.Response response = client.queryPost(adminToken, "/api/admin/projections/replay");
        if (response.status() != 202) {
            throw new IllegalStateException("The replay answered " + response.status() + ": " + response.body());
        }
        Map<String, Double> secondsPerProjection = new LinkedHashMap<>();
        while (secondsPerProjection.size() < names.size()) {
            for (JsonNode status : all()) {
                String name = status.get("name").asText();
                if (!secondsPerProjection.containsKey(name) && caughtUp(status)) {
                    secondsPerProjection.put(name, (System.nanoTime() - start) / 1e9);
                }
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException("The replay did not finish within " + timeout + ": " + all());
            }
            Thread.sleep(100);
        }
        return new ReplayResult(head, (System.nanoTime() - start) / 1e9, secondsPerProjection);
    }

    private List<JsonNode> all() {
        JsonNode list = client.query(adminToken, "/api/admin/projections")
                .requireOk("The projection list")
                .json();
        List<JsonNode> statuses = new ArrayList<>();
        list.forEach(statuses::add);
        return statuses;
    }

    private static boolean caughtUp(JsonNode status) {
        return !status.get("replaying").asBoolean()
                && status.hasNonNull("lag")
                && status.get("lag").asLong() == 0;
    }

    /** @param events the events in the table when the replay began: what each projection had to process */
    record ReplayResult(long events, double seconds, Map<String, Double> secondsPerProjection) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }
}
