package nl.actionledger.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service jar in its own JVM, as it runs in production, with the heap limit under test. Its resident memory is
 * read from the operating system: the peak ({@code VmHWM}) is what a container limit would have to allow.
 */
final class ServiceUnderTest implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceUnderTest(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** {@code java -Dbenchmark.profile=true -jar benchmark.jar ...}: a JFR recording of each service, beside its log. */
    static final String PROFILE = "benchmark.profile";

    /**
     * Action Ledger's services' own JVM options, as their image starts them (Dockerfile): the parallel collector, which
     * costs them less CPU per request than G1, the JVM's choice on this machine.
     */
    static final List<String> LEDGER_JAVA_OPTIONS = List.of("-XX:+UseParallelGC");

    /** One of Action Ledger's services, with {@link #LEDGER_JAVA_OPTIONS}. */
    static ServiceUnderTest start(
            String name, Path jar, int port, String heap, Map<String, String> environment, Path logDir)
            throws IOException, InterruptedException {
        return start(name, jar, port, heap, LEDGER_JAVA_OPTIONS, environment, logDir);
    }

    /** @param javaOptions options for the service's JVM beside its heap and the profile's */
    static ServiceUnderTest start(
            String name,
            Path jar,
            int port,
            String heap,
            List<String> javaOptions,
            Map<String, String> environment,
            Path logDir)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A service that runs out of heap leaves a dump next to its log, for finding out why.
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx" + heap,
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:HeapDumpPath=" + logDir.resolve(name + ".hprof"),
                "-XX:+ExitOnOutOfMemoryError"));
        if (Boolean.getBoolean(PROFILE)) {
            // For finding out where the time goes; it costs the services a few percent, so not in figures to report.
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + logDir.resolve(name + ".jfr"));
            // A request's path through Tomcat, the security filters and Spring MVC is deeper than JFR's default of 64
            // frames: a shallower stack loses the outer frames, and with them what each layer costs in all.
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
        }
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ServiceUnderTest service = new ServiceUnderTest(name, port, log, builder.start());
        try {
            service.awaitHealthy(Duration.ofMinutes(3));
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log);
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Peak resident memory in MiB since the process started, or -1 where the OS does not say (not Linux). */
    double peakResidentMiB() {
        return statusField("VmHWM:");
    }

    double residentMiB() {
        return statusField("VmRSS:");
    }

    private double statusField(String field) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length())
                                    .replace("kB", "")
                                    .strip())
                            / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU seconds the service has used so far; -1 where the OS does not say. */
    double cpuSeconds() {
        return CpuUsage.cpuSecondsOf(process.pid());
    }

    /** Whether the service's log reports running out of heap at any point. */
    boolean ranOutOfMemory() throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.anyMatch(line -> line.contains("OutOfMemoryError"));
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
