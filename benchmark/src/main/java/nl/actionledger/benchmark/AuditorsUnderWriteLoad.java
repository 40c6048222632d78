package nl.actionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.actionledger.tooling.TokenIssuer;

/**
 * Issue 12 §3, "no request can starve the others": the coordinators' writes at a fixed rate alone, then the same writes
 * while ten auditors ask, as fast as they can, for a full verification ({@code POST /api/integrity/verify}), its result and
 * page after page of the export (half of them the whole history, half a month of it), each waiting as long as a 429's
 * {@code Retry-After} says before it asks again, as the README asks every client to. The writes' p99 with the
 * auditors should stay within twice its value without them, the auditors get answers or 429 (never a 5xx), and the
 * readiness of both services, polled throughout both parts, stays UP. Afterwards it waits for the verification and the
 * audit-trail comparison the auditors asked for, so that what the benchmark measures next has the machine to itself.
 */
final class AuditorsUnderWriteLoad {

    static final int AUDITORS = 10;
    static final double TARGET_P99_RATIO = 2.0;
    private static final String VERIFY = IntegrityChecks.VERIFY;
    private static final String EXPORT_ALL = "/api/integrity/export?after=0&size=1000";
    private static final Duration RAMP_UP = Duration.ofSeconds(1);
    private static final Duration READINESS_INTERVAL = Duration.ofMillis(250);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);
    private static final int MAX_ERRORS_KEPT = 5;

    private AuditorsUnderWriteLoad() {}

    /**
     * @param ratePerSecond the coordinators' total rate of changes, the same in both parts (an open schedule, so that
     *                      the latencies compare answers to the same offered load)
     */
    static Result measure(
            LedgerClient client,
            TokenIssuer issuer,
            WriteLoad load,
            double ratePerSecond,
            Duration duration,
            ServiceUnderTest command,
            ServiceUnderTest query)
            throws InterruptedException {
        System.out.printf(
                "Coordinators' writes at %,.0f changes/s for %d s alone, then with %d auditors verifying and "
                        + "exporting ...%n",
                ratePerSecond, duration.toSeconds(), AUDITORS);
        Readiness readiness = new Readiness(List.of(command, query));
        readiness.start();
        try {
            WriteLoad.Result alone = load.run(duration, ratePerSecond);
            System.out.printf(
                    "  alone: %,.0f accepted/s, %d failed (%s)%n",
                    alone.acceptedPerSecond(), alone.failed(), alone.latency());

            Auditors auditors = new Auditors(client, issuer);
            auditors.start();
            Thread.sleep(RAMP_UP.toMillis());
            WriteLoad.Result withAuditors = load.run(duration, ratePerSecond);
            auditors.stop();
            System.out.printf(
                    "  with %d auditors: %,.0f accepted/s, %d failed (%s)%n  auditors' answers: %s%n",
                    AUDITORS,
                    withAuditors.acceptedPerSecond(),
                    withAuditors.failed(),
                    withAuditors.latency(),
                    auditors.answers());
            auditors.firstErrors()
                    .forEach(error -> System.out.println("  an auditor's request without an answer: " + error));
            String settled = auditors.awaitTheirPasses(client);
            System.out.println("  " + settled);
            readiness.stop();
            System.out.println("  readiness meanwhile: " + readiness.describe());
            return new Result(
                    ratePerSecond,
                    alone,
                    withAuditors,
                    auditors.answers(),
                    auditors.errors(),
                    auditors.firstErrors(),
                    readiness.figures(),
                    readiness.alwaysUp(),
                    settled);
        } finally {
            readiness.stop();
        }
    }

    /** Ten auditors, each on its own thread, with one request in flight and no pause between requests. */
    private static final class Auditors {

        private final LedgerClient client;
        private final List<String> tokens = new ArrayList<>();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        /** Request kind, then status, then count. */
        private final Map<String, Map<Integer, AtomicLong>> answers = new ConcurrentHashMap<>();

        private final AtomicLong errors = new AtomicLong();
        /** What went wrong with the first few requests without an answer: a count alone cannot be looked into. */
        private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

        private final AtomicLong lastPassAskedFor = new AtomicLong();
        private volatile Instant lastRequestedAt = Instant.EPOCH;

        Auditors(LedgerClient client, TokenIssuer issuer) {
            this.client = client;
            for (int i = 0; i < AUDITORS; i++) {
                tokens.add(issuer.auditor("bench-auditor-" + i));
            }
        }

        void start() {
            for (int i = 0; i < AUDITORS; i++) {
                String token = tokens.get(i);
                String firstPage = i % 2 == 0 ? EXPORT_ALL : IntegrityChecks.EXPORT_LATE_MONTH;
                Thread thread = new Thread(() -> work(token, firstPage), "auditor-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void work(String token, String firstPage) {
            String page = firstPage;
            while (!stopping.get()) {
                try {
                    Instant asked = Instant.now();
                    LedgerClient.Response requested = count("POST " + VERIFY, client.queryPost(token, VERIFY));
                    if (requested.status() == 202) {
                        lastPassAskedFor.accumulateAndGet(
                                requested.json().get("pass").asLong(), Math::max);
                        lastRequestedAt = asked;
                    }
                    count("GET " + VERIFY, client.query(token, VERIFY));
                    LedgerClient.Response export = count("GET /api/integrity/export", client.query(token, page));
                    if (export.ok()) {
                        JsonNode next = export.json().get("next");
                        page = next == null || next.isNull() ? firstPage : next.asText();
                    }
                } catch (RuntimeException e) {
                    if (errors.incrementAndGet() <= MAX_ERRORS_KEPT) {
                        firstErrors.add(Instant.now() + " " + withCauses(e));
                    }
                }
            }
        }

        private LedgerClient.Response count(String request, LedgerClient.Response response) {
            answers.computeIfAbsent(request, r -> new ConcurrentHashMap<>())
                    .computeIfAbsent(response.status(), s -> new AtomicLong())
                    .incrementAndGet();
            if (response.status() == 429) {
                backOff(response.retryAfterSeconds());
            }
            return response;
        }

        private void backOff(long retryAfterSeconds) {
            try {
                Thread.sleep(Duration.ofSeconds(Math.max(1, retryAfterSeconds)).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping.set(true);
            }
        }

        void stop() throws InterruptedException {
            stopping.set(true);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(90).toMillis());
            }
        }

        /** Answers by request and status, in a stable order. */
        Map<String, Map<String, Long>> answers() {
            Map<String, Map<String, Long>> sorted = new TreeMap<>();
            answers.forEach((request, byStatus) -> {
                Map<String, Long> counts = new TreeMap<>();
                byStatus.forEach((status, count) -> counts.put(Integer.toString(status), count.get()));
                sorted.put(request, counts);
            });
            return sorted;
        }

        List<String> firstErrors() {
            synchronized (firstErrors) {
                return List.copyOf(firstErrors);
            }
        }

        private static String withCauses(Throwable e) {
            StringBuilder text = new StringBuilder(e.toString());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                text.append(" <- ").append(cause);
            }
            return text.toString();
        }

        long errors() {
            return errors.get();
        }

        /** Waits for the last full pass an auditor was promised, and for the comparison of the audit trail after it. */
        String awaitTheirPasses(LedgerClient client) throws InterruptedException {
            long pass = lastPassAskedFor.get();
            Instant requested = lastRequestedAt;
            if (pass == 0) {
                return "no full pass was asked for";
            }
            long started = System.nanoTime();
            while (System.nanoTime() - started < SETTLE_TIMEOUT.toNanos()) {
                try {
                    JsonNode result = client.query(tokens.get(0), VERIFY)
                            .requireOk(VERIFY)
                            .json();
                    JsonNode comparedAt = result.path("auditTrail").path("contentComparedAt");
                    boolean passDone = result.path("lastFullPass").path("pass").asLong() >= pass
                            || result.path("lastFailure").path("pass").asLong() >= pass;
                    boolean compared = comparedAt.isTextual()
                            && !Instant.parse(comparedAt.asText()).isBefore(requested);
                    if (passDone
                            && compared
                            && result.path("running").path("pass").isMissingNode()) {
                        return String.format(
                                "the last full pass asked for (%d) and audit-trail comparison done %.1f s "
                                        + "after the auditors stopped",
                                pass, (System.nanoTime() - started) / 1e9);
                    }
                } catch (RuntimeException e) {
                    // asked again below
                }
                Thread.sleep(200);
            }
            return "the last full pass asked for (" + pass + ") was not done " + SETTLE_TIMEOUT.toSeconds()
                    + " s after the auditors stopped";
        }
    }

    /** Polls {@code /actuator/health/readiness} of each service, without credentials, as a load balancer would. */
    private static final class Readiness {

        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        private final List<ServiceUnderTest> services;
        private final Map<String, AtomicLong> checks = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> notUp = new ConcurrentHashMap<>();
        private final Map<String, String> firstNotUp = new ConcurrentHashMap<>();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private Thread thread;

        Readiness(List<ServiceUnderTest> services) {
            this.services = services;
            services.forEach(service -> {
                checks.put(service.name(), new AtomicLong());
                notUp.put(service.name(), new AtomicLong());
            });
        }

        void start() {
            thread = new Thread(
                    () -> {
                        while (!stopping.get()) {
                            services.forEach(this::check);
                            try {
                                Thread.sleep(READINESS_INTERVAL.toMillis());
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "readiness");
            thread.setDaemon(true);
            thread.start();
        }

        private void check(ServiceUnderTest service) {
            String outcome;
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                outcome = response.statusCode() == 200 && response.body().contains("\"UP\"")
                        ? null
                        : response.statusCode() + " " + response.body();
            } catch (IOException e) {
                outcome = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            checks.get(service.name()).incrementAndGet();
            if (outcome != null) {
                notUp.get(service.name()).incrementAndGet();
                firstNotUp.putIfAbsent(service.name(), Instant.now() + ": " + outcome);
            }
        }

        void stop() throws InterruptedException {
            stopping.set(true);
            if (thread != null) {
                thread.join();
            }
        }

        boolean alwaysUp() {
            return checks.values().stream().allMatch(count -> count.get() > 0)
                    && notUp.values().stream().allMatch(count -> count.get() == 0);
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            for (ServiceUnderTest service : services) {
                Map<String, Object> figure = new LinkedHashMap<>();
                figure.put("checks", checks.get(service.name()).get());
                figure.put("notUp", notUp.get(service.name()).get());
                if (firstNotUp.containsKey(service.name())) {
                    figure.put("firstNotUp", firstNotUp.get(service.name()));
                }
                figures.put(service.name(), figure);
            }
            return figures;
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            for (ServiceUnderTest service : services) {
                text.append(String.format(
                        "%s %d checks, %d not UP%s; ",
                        service.name(),
                        checks.get(service.name()).get(),
                        notUp.get(service.name()).get(),
                        firstNotUp.containsKey(service.name())
                                ? " (first: " + firstNotUp.get(service.name()) + ")"
                                : ""));
            }
            return text.toString();
        }
    }

    record Result(
            double ratePerSecond,
            WriteLoad.Result alone,
            WriteLoad.Result withAuditors,
            Map<String, Map<String, Long>> auditorAnswers,
            long auditorErrors,
            List<String> firstAuditorErrors,
            Map<String, Object> readiness,
            boolean readinessAlwaysUp,
            String settled) {

        double p99Ratio() {
            return withAuditors.latency().p99() / alone.latency().p99();
        }

        /** Answers other than 200, 202 and 429 (and requests that got no answer at all). */
        long unexpectedAnswers() {
            long unexpected = auditorErrors;
            for (Map<String, Long> byStatus : auditorAnswers.values()) {
                for (Map.Entry<String, Long> count : byStatus.entrySet()) {
                    if (!List.of("200", "202", "429").contains(count.getKey())) {
                        unexpected += count.getValue();
                    }
                }
            }
            return unexpected;
        }

        Map<String, Object> asFigures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("auditors", AUDITORS);
            figures.put("offeredChangesPerSecond", Figures.round(ratePerSecond));
            figures.put("writesAlone", writes(alone));
            figures.put("writesWithAuditors", writes(withAuditors));
            figures.put("writeP99Ratio", Figures.round(p99Ratio()));
            figures.put("auditorAnswers", auditorAnswers);
            figures.put("auditorRequestsWithoutAnswer", auditorErrors);
            figures.put("firstAuditorRequestsWithoutAnswer", firstAuditorErrors);
            figures.put("readiness", readiness);
            figures.put("readinessAlwaysUp", readinessAlwaysUp);
            figures.put("afterwards", settled);
            return figures;
        }

        private static Map<String, Object> writes(WriteLoad.Result result) {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("acceptedPerSecond", Figures.round(result.acceptedPerSecond()));
            figure.put("failuresByStatus", result.failuresByStatus());
            figure.put("latency", result.latency().asFigures());
            return figure;
        }

        void addTargets(Figures figures) {
            figures.target(
                    "Write p99 with " + AUDITORS + " auditors verifying/exporting <= 2 x without",
                    String.format(
                            "%.1f ms vs %.1f ms = %.2f",
                            withAuditors.latency().p99(), alone.latency().p99(), p99Ratio()),
                    p99Ratio() <= TARGET_P99_RATIO);
            Map<String, Long> exports = auditorAnswers.getOrDefault("GET /api/integrity/export", Map.of());
            figures.target(
                    "Auditors under load get answers or 429, never 5xx or none",
                    String.format(
                            "exports %d x 200, %d x 429; %d other",
                            exports.getOrDefault("200", 0L), exports.getOrDefault("429", 0L), unexpectedAnswers()),
                    unexpectedAnswers() == 0);
            figures.target(
                    "Readiness of both services UP with " + AUDITORS + " auditors",
                    readiness.values().stream()
                                    .map(figure -> {
                                        @SuppressWarnings("unchecked")
                                        Map<String, Object> values = (Map<String, Object>) figure;
                                        return values.get("notUp") + " of " + values.get("checks");
                                    })
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElse("")
                            + " checks not UP",
                    readinessAlwaysUp);
        }
    }
}
