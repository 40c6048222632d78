package nl.actionledger.query.admin;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.Projection;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What an operator sees of the projections: their gauges and Axon's meters of their processor at
 * {@code /actuator/prometheus} (admins only), and the {@code projections} health indicator, which goes DOWN when the
 * processor stops or fails on an event while liveness and readiness stay UP.
 */
class ObservabilityIntegrationTest extends QueryServiceIntegrationTestBase {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void prometheusShowsWhereEachProjectionStandsAndAxonsMetricsOfItsProcessor() {
        new History(action("701"))
                .then(
                        registered(
                                "701",
                                1,
                                1,
                                ImplementationStatus.NOT_STARTED,
                                RANGE_2024_2025,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg-701",
                        Instant.parse("2026-03-01T09:00:00Z"));
        awaitProjectionsCaughtUp();

        String metrics = await().atMost(Duration.ofSeconds(15))
                .until(
                        this::scrape,
                        body -> body.matches(
                                "(?s).*actionledger_projection_lag_events\\{[^}]*projection=\"action-views\"[^}]*} 0\\.0\n.*"));
        for (Projection projection : Projection.values()) {
            String tag = "projection=\"" + projection.id() + "\"";
            assertThat(metrics)
                    .containsPattern("actionledger_projection_position\\{[^}]*" + tag + "[^}]*} [1-9]")
                    .containsPattern("actionledger_projection_lag_seconds\\{[^}]*" + tag + "[^}]*} 0\\.0")
                    .containsPattern("actionledger_projection_replaying\\{[^}]*" + tag + "[^}]*} 0\\.0")
                    .containsPattern("actionledger_projection_segments_in_error\\{[^}]*" + tag + "[^}]*} 0\\.0");
        }
        // Axon's own meters of the processor, through axon-micrometer
        assertThat(metrics)
                .containsPattern("projections_successCounter_total\\{[^}]*processor=\"projections\"[^}]*} [1-9]")
                .containsPattern("projections_latency\\{[^}]*processor=\"projections\"")
                .containsPattern("projections_allTimer_seconds_count\\{[^}]*processor=\"projections\"")
                .contains("application=\"query-service\"")
                // no client-side percentiles: they cost more per event than all the rest (AxonProcessorMetrics)
                .doesNotContainPattern("projections_allTimer_seconds\\{[^}]*quantile=");
    }

    @Test
    void onlyAdminsMayScrape() {
        assertThat(get(null, "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("auditor", "/actuator/prometheus").statusCode()).isEqualTo(403);
    }

    @Test
    void aStoppedProcessorIsDownButTheInstanceStaysLiveAndReady() {
        assertThat(projectionsHealth().get("status").asString()).isEqualTo("UP");
        StreamingEventProcessor processor = processing
                .eventProcessor(Projection.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            JsonNode projections = projectionsHealth();
            assertThat(projections.get("status").asString()).isEqualTo("DOWN");
            assertThat(projections.get("details").get("running").asBoolean()).isFalse();
            assertThat(get(null, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(get(null, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            processor.start();
        }
        assertThat(projectionsHealth().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aSegmentThatFailsOnAnEventIsDownUntilTheEventGoesThrough() {
        asOwner(owner -> owner.sql("""
                CREATE FUNCTION query_model.refuse_action_702() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.action_id = '702' THEN RAISE EXCEPTION 'simulated projection failure'; END IF;
                    RETURN NEW;
                END $$""").update());
        asOwner(owner -> owner.sql(
                        "CREATE TRIGGER refuse_action_702 BEFORE INSERT OR UPDATE ON query_model.action_view "
                                + "FOR EACH ROW EXECUTE FUNCTION query_model.refuse_action_702()")
                .update());
        try {
            new History(action("702"))
                    .then(
                            registered(
                                    "702",
                                    1,
                                    1,
                                    ImplementationStatus.NOT_STARTED,
                                    RANGE_2024_2025,
                                    CommitmentLevel.NATIONAL),
                            "system",
                            "reg-702",
                            Instant.parse("2026-03-01T09:00:00Z"));
            JsonNode down = await().atMost(Duration.ofSeconds(30))
                    .until(
                            this::projectionsHealth,
                            health -> health.get("status").asString().equals("DOWN"));
            assertThat(down.get("details").get("segmentsInError").asInt()).isPositive();
            assertThat(get(null, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        } finally {
            asOwner(owner -> {
                owner.sql("DROP TRIGGER refuse_action_702 ON query_model.action_view")
                        .update();
                owner.sql("DROP FUNCTION query_model.refuse_action_702()").update();
            });
        }
        await().atMost(Duration.ofSeconds(60))
                .until(
                        this::projectionsHealth,
                        health -> health.get("status").asString().equals("UP"));
    }

    private String scrape() {
        HttpResponse<String> response = get("admin", "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private JsonNode projectionsHealth() {
        return json(get("admin", "/actuator/health").body()).get("components").get("projections");
    }
}
