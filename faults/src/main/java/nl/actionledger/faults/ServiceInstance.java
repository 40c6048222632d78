package nl.actionledger.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One service jar in a JVM of its own, as in production: started, killed with SIGKILL ({@code kill -9}, no shutdown
 * hook runs, no segment or connection is released) and started again on the same port with the same settings. Its
 * output goes to one log per start.
 */
final class ServiceInstance implements AutoCloseable {

    /** Every service process still running: stopped when the suite's JVM ends, however it ends (Ctrl-C included). */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "stop-services"));
    }

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logDir;
    private Process process;
    private int starts;

    ServiceInstance(String name, Path jar, int port, Map<String, String> environment, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logDir = logDir;
    }

    /** Starts the process and returns at once; {@link #awaitHealthy} waits for it. */
    void launch() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        Files.createDirectories(logDir);
        starts++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Small heaps and one JIT thread: up to six of these share two cores with PostgreSQL and the clients.
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile());
        builder.environment().putAll(environment);
        // Above the services' own COMMAND_PORT / QUERY_PORT: one setting for both kinds of instance.
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        process = builder.start();
        RUNNING.add(process);
    }

    void start(Duration timeout) throws IOException, InterruptedException {
        launch();
        awaitHealthy(timeout);
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        Http http = new Http(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up; see " + log());
            }
            Http.Answer health = http.get(baseUrl() + "/actuator/health/readiness", null);
            if (health.status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log());
    }

    /** SIGKILL, as {@code kill -9}: the JVM gets no chance to release anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        RUNNING.remove(process);
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** How Axon names this process as a token's owner: the JVM's runtime name, {@code pid@hostname}. */
    String tokenOwner() {
        try {
            return process.pid() + "@" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return process.pid() + "@localhost";
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return logDir.resolve(name + (starts > 1 ? "-start" + starts : "") + ".log");
    }

    /** A graceful stop (SIGTERM), forced after half a minute. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        RUNNING.remove(process);
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
