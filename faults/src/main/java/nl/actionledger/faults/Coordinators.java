package nl.actionledger.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.actionledger.tooling.OwnedAction;

/**
 * Coordinators changing their own actions concurrently through both command-service instances, as clients that
 * were told to retry safely do: each change carries an {@code Idempotency-Key} and its own {@code X-Correlation-Id};
 * when it gets no definitive answer (no connection, a timeout, a 5xx) it is sent again, unchanged, to the other
 * instance. Every 200 is logged ({@link Acknowledged}); every answer is counted ({@link Attempt}).
 */
final class Coordinators {

    private static final long MAX_PAUSE_MILLIS = 500;

    private final Http http;
    private final List<ServiceInstance> commandServices;
    private final List<List<OwnedAction>> actionsPerCoordinator;
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    Coordinators(Http http, List<ServiceInstance> commandServices, List<List<OwnedAction>> actionsPerCoordinator) {
        this.http = http;
        this.commandServices = commandServices;
        this.actionsPerCoordinator = actionsPerCoordinator;
    }

    void start() {
        running.set(true);
        for (int c = 0; c < actionsPerCoordinator.size(); c++) {
            int coordinator = c;
            Thread thread = new Thread(() -> work(coordinator), "coordinator-" + c);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops sending new changes; a change still being retried is given up (it is not acknowledged). */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        threads.clear();
    }

    private void work(int coordinator) {
        List<OwnedAction> actions = actionsPerCoordinator.get(coordinator);
        int target = coordinator;
        for (int n = 0; running.get(); n++) {
            OwnedAction action = actions.get(n % actions.size());
            OwnedAction.Change change = action.next();
            String correlationId = "fault-" + runId + "-c" + coordinator + "-" + n;
            Map<String, String> headers = Map.of("Idempotency-Key", correlationId, "X-Correlation-Id", correlationId);
            boolean settled = false;
            while (!settled && running.get()) {
                ServiceInstance instance = commandServices.get(target++ % commandServices.size());
                Http.Answer answer = http.post(
                        instance.baseUrl() + "/api/plans/" + OwnedAction.PLAN + "/actions/" + action.actionId + "/"
                                + change.kind(),
                        action.token,
                        change.body(),
                        headers);
                attempts.add(new Attempt(
                        instance.name(),
                        answer.status(),
                        answer.retryAfter() != null,
                        answer.isProblem(),
                        System.nanoTime(),
                        answer.nanos()));
                settled = settle(action, answer, correlationId, instance);
                if (!settled) {
                    pause(answer);
                }
            }
        }
    }

    /** Whether the change has a definitive answer; a 200 is logged and moves the action on. */
    private boolean settle(OwnedAction action, Http.Answer answer, String correlationId, ServiceInstance instance) {
        if (answer.ok()) {
            acknowledged.add(new Acknowledged(
                    action.actionId,
                    answer.json().get("version").asLong(),
                    answer.correlationId(),
                    instance.name(),
                    answer.replayed(),
                    System.nanoTime()));
            action.moveOn();
            return true;
        }
        if (answer.status() == 422) {
            // NO_CHANGE: an earlier change whose answer was lost was stored after all; take that state as given.
            action.moveOn();
            return true;
        }
        // 409 (still colliding after retries) is definitive but stored nothing: the same change is sent again.
        return answer.status() >= 400 && answer.status() < 500 && answer.status() != 409;
    }

    private void pause(Http.Answer answer) {
        long millis = 50;
        if (answer.retryAfter() != null) {
            // Respect Retry-After, but never stop probing for longer than half a second: the suite measures recovery.
            millis = Math.min(
                    MAX_PAUSE_MILLIS, Long.parseLong(answer.retryAfter().strip()) * 1000);
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The client log: one line per acknowledged change. */
    void writeLog(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>(List.of("action\tversion\tcorrelationId\tinstance\treplayed"));
        acknowledged.forEach(change -> lines.add(change.logLine()));
        Files.write(file, lines);
    }
}
