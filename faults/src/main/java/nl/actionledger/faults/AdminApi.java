package nl.actionledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Query-service's projections as its admin API shows them, from whichever instance is alive. */
final class AdminApi {

    private final Cluster cluster;
    private final Http http;
    private final String admin;

    AdminApi(Cluster cluster, Http http) {
        this.cluster = cluster;
        this.http = http;
        this.admin = cluster.issuer().admin("fault-admin");
    }

    /** Each projection's status (position, head, lag, replaying, segments held by the instance asked). */
    List<JsonNode> projections(ServiceInstance query) {
        JsonNode list = http.get(query.baseUrl() + "/api/admin/projections", admin)
                .require(200, "The projections")
                .json();
        List<JsonNode> statuses = new ArrayList<>();
        list.forEach(statuses::add);
        return statuses;
    }

    /** How many of the processor's segments this instance processes now. */
    int segmentsHeldBy(ServiceInstance query) {
        return projections(query).get(0).get("segmentsHere").asInt();
    }

    /** Waits until every projection is at the head of the event table and none is replaying; returns seconds waited. */
    double awaitCaughtUp(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeout.toNanos()) {
            ServiceInstance query = anyLiveQueryService();
            Http.Answer answer = http.get(query.baseUrl() + "/api/admin/projections", admin);
            if (answer.ok() && allCaughtUp(answer.json())) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The projections did not catch up within " + timeout + ": "
                + http.get(anyLiveQueryService().baseUrl() + "/api/admin/projections", admin)
                        .body());
    }

    private static boolean allCaughtUp(JsonNode statuses) {
        for (JsonNode status : statuses) {
            if (status.get("replaying").asBoolean()
                    || !status.hasNonNull("lag")
                    || status.get("lag").asLong() != 0) {
                return false;
            }
        }
        return true;
    }

    /** Asks the instance to rebuild every projection; a 409 (a replay runs, or segments are held elsewhere) is retried. */
    void replayAll(ServiceInstance query, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            Http.Answer answer = http.post(query.baseUrl() + "/api/admin/projections/replay", admin, null, Map.of());
            if (answer.status() == 202) {
                return;
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException("The replay was refused: " + answer.status() + " " + answer.body());
            }
            Thread.sleep(500);
        }
    }

    /** The {@code auditTrail} health indicator as an admin sees it (status and details). */
    JsonNode auditTrailHealth(ServiceInstance query) {
        JsonNode health = http.get(query.baseUrl() + "/actuator/health", admin).json();
        return health.path("components").path("auditTrail");
    }

    String token() {
        return admin;
    }

    private ServiceInstance anyLiveQueryService() {
        return cluster.queryServices().stream()
                .filter(ServiceInstance::alive)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No query-service instance is running"));
    }
}
