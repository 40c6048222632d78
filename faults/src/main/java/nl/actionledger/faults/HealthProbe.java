package nl.actionledger.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.actionledger.tooling.OwnedAction;

/**
 * Asks every instance twice a second how it is (readiness and overall health, as a load balancer and a monitor
 * would) and each query-service instance for an action (as an evaluator would), every target on a thread of its own
 * so that a slow answer delays no other. Records every answer and who was seen DOWN.
 */
final class HealthProbe {

    private final Http http;
    private final List<ServiceInstance> instances;
    private final List<ServiceInstance> queryServices;
    private final String readerToken;
    private final ConcurrentLinkedQueue<Attempt> reads = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Attempt> probes = new ConcurrentLinkedQueue<>();
    private final Set<String> seenDown = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    HealthProbe(Http http, List<ServiceInstance> instances, List<ServiceInstance> queryServices, String readerToken) {
        this.http = http;
        this.instances = instances;
        this.queryServices = queryServices;
        this.readerToken = readerToken;
    }

    void start() {
        running.set(true);
        for (ServiceInstance instance : instances) {
            probeEvery(
                    instance.name() + " readiness", () -> health(instance, "readiness", "/actuator/health/readiness"));
            probeEvery(instance.name() + " health", () -> health(instance, "health", "/actuator/health"));
        }
        for (ServiceInstance query : queryServices) {
            probeEvery(query.name() + " read", () -> read(query));
        }
    }

    private void probeEvery(String name, Runnable probe) {
        Thread thread = new Thread(
                () -> {
                    while (running.get()) {
                        probe.run();
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "probe " + name);
        threads.add(thread);
        thread.start();
    }

    private void health(ServiceInstance instance, String endpoint, String path) {
        Http.Answer answer = http.get(instance.baseUrl() + path, null);
        String name = instance.name() + " " + endpoint;
        probes.add(new Attempt(
                name,
                answer.status(),
                answer.retryAfter() != null,
                answer.isProblem(),
                System.nanoTime(),
                answer.nanos()));
        if (answer.status() == 503 && answer.body().contains("\"DOWN\"")) {
            seenDown.add(name);
        }
    }

    private void read(ServiceInstance query) {
        Http.Answer answer = http.get(query.baseUrl() + "/api/plans/" + OwnedAction.PLAN + "/actions/1", readerToken);
        reads.add(new Attempt(
                query.name(),
                answer.status(),
                answer.retryAfter() != null,
                answer.isProblem(),
                System.nanoTime(),
                answer.nanos()));
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        threads.clear();
    }

    /** Answers to evaluators' reads of one action. */
    List<Attempt> reads() {
        return List.copyOf(reads);
    }

    /** Answers of the health endpoints, named "instance readiness" or "instance health". */
    List<Attempt> probes() {
        return List.copyOf(probes);
    }

    boolean sawDown(String instance, String endpoint) {
        return seenDown.contains(instance + " " + endpoint);
    }
}
