package nl.actionledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole benchmark at toy size, so that it keeps working: both services and the CRUD baseline, every measurement,
 * the checks that make its figures trustworthy (the generator writes what command-service writes, no update is lost,
 * the rebuilt projections match the event table, the baseline audited every change it accepted) and the JSON file. No figure is asserted: speed is for the real run.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path workDir;

    @Test
    void runsEveryMeasurementAndWritesEveryFigure() throws Exception {
        Path home = Path.of("").toAbsolutePath().getParent();
        Path output = workDir.resolve("results.json");
        BenchmarkSettings settings = BenchmarkSettings.parse(new String[] {
            "--mode=smoke",
            "--write-windows=2",
            "--home=" + home,
            "--work-dir=" + workDir.resolve("run"),
            "--output=" + output
        });

        Figures figures = Benchmark.run(settings);

        assertThat((String) figures.get("serializationCheck")).startsWith("passed");
        @SuppressWarnings("unchecked")
        Map<String, Object> contention = (Map<String, Object>) figures.get("contention");
        assertThat(contention.get("noLostUpdate")).isEqualTo(true);
        assertThat((long) contention.get("accepted")).isPositive();
        assertThat(figures.targets()).hasSize(22);

        JsonNode written = LedgerClient.JSON.readTree(output.toFile());
        for (String section : new String[] {
            "machine",
            "postgresql",
            "settings",
            "postgresqlLimits",
            "writeThroughput",
            "contention",
            "projectionLag",
            "history",
            "replay",
            "reads",
            "integrityChecks",
            "memory",
            "targets",
            "cpuDuringWriteThroughput",
            "cpuDuringReplay",
            "projectionsAfterReplay",
            "crudBaseline",
            "auditorsUnderWriteLoad"
        }) {
            assertThat(written.has(section)).as(section).isTrue();
        }
        assertTheCrudBaselineWasMeasured(written.get("crudBaseline"));
        assertThat(written.get("history").get("events").asLong()).isEqualTo(5_000);
        assertThat(written.get("replay").get("events").asLong()).isGreaterThan(5_000);
        assertThat(written.get("reads")).hasSize(8);
        JsonNode integrity = written.get("integrityChecks");
        assertThat(integrity.get("fullVerification").get("status").asText()).isEqualTo("OK");
        assertThat(integrity.get("fullVerification").get("events").asLong()).isGreaterThan(5_000);
        assertThat(integrity.get("verifyChains").get("status").asText()).isEqualTo("OK");
        assertThat(integrity.get("exportEarlyMonth").get("events").asInt()).isPositive();
        assertThat(integrity.get("exportLateMonth").get("events").asInt()).isPositive();
        assertTheAuditorsWereMeasured(written.get("auditorsUnderWriteLoad"));
        assertThat(written.get("postgresql").get("fsync").asText()).isEqualTo("on");
        // the server's own log, kept after the run, where every autovacuum and autoanalyze says what it cost
        assertThat(written.get("postgresql").get("log_autovacuum_min_duration").asText())
                .isEqualTo("0");
        assertThat(workDir.resolve("run/logs/postgresql.log"))
                .content()
                .contains("database system is ready to accept connections");
        assertThat(written.get("memory")
                        .get("command-service")
                        .get("aliveAtEnd")
                        .asBoolean())
                .isTrue();
        assertThat(written.get("writeThroughput").get("cpuPerAcceptedChangeMs").has("total"))
                .isTrue();
        assertThat(written.get("writeThroughput").has("ratioToCrudBaseline")).isTrue();
        JsonNode interleaved = written.get("writeThroughput").get("interleavedWithCrudBaseline");
        assertThat(interleaved.get("rateRatioPerPair")).hasSize(2);
        assertThat(written.get("crudBaseline").get("acceptedPerSecondPerWindow"))
                .hasSize(2);
    }

    /**
     * The writes ran alone and with the auditors, the auditors got answers (exports and verifications; whether some were
     * 429 depends on timing), and readiness was polled throughout. No figure is asserted.
     */
    private static void assertTheAuditorsWereMeasured(JsonNode auditors) {
        assertThat(auditors.get("writesAlone").get("latency").get("samples").asInt())
                .isPositive();
        assertThat(auditors.get("writesWithAuditors")
                        .get("latency")
                        .get("samples")
                        .asInt())
                .isPositive();
        assertThat(auditors.get("auditorAnswers")
                        .get("GET /api/integrity/export")
                        .get("200")
                        .asLong())
                .isPositive();
        assertThat(auditors.get("auditorAnswers")
                        .get("POST /api/integrity/verify")
                        .get("202")
                        .asLong())
                .isPositive();
        assertThat(auditors.get("readiness").get("query-service").get("checks").asLong())
                .isPositive();
        assertThat(auditors.get("readiness")
                        .get("command-service")
                        .get("checks")
                        .asLong())
                .isPositive();
        assertThat(auditors.get("afterwards").asText()).contains("done");
    }

    /** The baseline ran the same load as Action Ledger, with its whole plan, and audited every change it accepted. */
    private static void assertTheCrudBaselineWasMeasured(JsonNode baseline) {
        assertThat(baseline.get("actions").asInt()).isEqualTo(53);
        assertThat(baseline.get("accepted").asLong()).isPositive();
        assertThat(baseline.get("failuresByStatus")).isEmpty();
        assertThat(baseline.get("auditTrailCheck").asText()).startsWith("passed");
        assertThat(baseline.get("cpuPerAcceptedChangeMs").has("crudBaseline")).isTrue();
        assertThat(baseline.get("healthyAtEnd").asBoolean()).isTrue();
    }
}
