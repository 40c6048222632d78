package nl.actionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.actionledger.tooling.OwnedAction;

/**
 * Many coordinators changing one action at once, each reading the action from query-service and sending its change
 * with {@code If-Match} on the version it read. Some are accepted, the rest refused with 412; no update may be lost,
 * so the action's final version in the event table must be its starting version plus the number accepted.
 */
final class Contention {

    private Contention() {}

    static Result run(
            LedgerClient client,
            BenchmarkDatabase database,
            String actionId,
            String token,
            int contenders,
            int attempts)
            throws InterruptedException {
        String aggregateId = OwnedAction.PLAN + "/" + actionId;
        String sql = "SELECT max(sequence_number) FROM event_store.domain_event_entry WHERE aggregate_identifier = '"
                + aggregateId + "'";
        long startVersion = database.queryLong(sql);
        AtomicLong accepted = new AtomicLong();
        AtomicLong preconditionFailed = new AtomicLong();
        AtomicLong other = new AtomicLong();
        Latencies latencies = new Latencies();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < contenders; c++) {
            Thread thread = new Thread(
                    () -> {
                        for (int i = 0; i < attempts; i++) {
                            JsonNode view = client.query(
                                            token, "/api/plans/" + OwnedAction.PLAN + "/actions/" + actionId)
                                    .requireOk("Reading the contended action")
                                    .json();
                            long version = view.get("version").asLong();
                            boolean toInProgress =
                                    !"IN_PROGRESS".equals(view.get("status").asText());
                            LedgerClient.Response response = client.change(
                                    token,
                                    OwnedAction.PLAN,
                                    actionId,
                                    "status",
                                    OwnedAction.statusChange(toInProgress, "Contended change"),
                                    version);
                            latencies.add(response.nanos());
                            switch (response.status()) {
                                case 200 -> accepted.incrementAndGet();
                                case 412 -> preconditionFailed.incrementAndGet();
                                default -> other.incrementAndGet();
                            }
                        }
                    },
                    "contender-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long finalVersion = database.queryLong(sql);
        return new Result(
                contenders * (long) attempts,
                accepted.get(),
                preconditionFailed.get(),
                other.get(),
                startVersion,
                finalVersion,
                latencies.summary());
    }

    record Result(
            long attempts,
            long accepted,
            long preconditionFailed,
            long otherAnswers,
            long startVersion,
            long finalVersion,
            Latencies.Summary latency) {

        boolean noLostUpdate() {
            return finalVersion == startVersion + accepted;
        }
    }
}
