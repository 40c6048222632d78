package nl.actionledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import nl.actionledger.query.Projection;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bulk rebuild holds the processor's claims with its processor stopped, as after a reset; between checkpoints and
 * while the indexes are built nothing else would keep them, and another instance could take them after the claim
 * timeout. The heartbeat keeps them, and the rebuild's heartbeat row, fresh until it is closed.
 */
class RebuildHeartbeatIntegrationTest extends QueryServiceIntegrationTestBase {

    @Autowired
    private RebuildHeartbeat heartbeat;

    @Autowired
    private TokenStore tokenStore;

    @Autowired
    private EventProcessingConfiguration processing;

    /** The service's own, in which the token store works (the base class's are the history import's). */
    @Autowired
    private TransactionTemplate serviceTransactions;

    @Test
    void aRunningRebuildKeepsItsClaimsAndHeartbeatFreshUntilItEnds() {
        awaitProjectionsCaughtUp();
        StreamingEventProcessor processor = processing
                .eventProcessor(Projection.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            // What a reset leaves: every segment claimed here, and nothing running that would touch the claims.
            Set<Segment> segments = new HashSet<>();
            serviceTransactions.executeWithoutResult(status -> {
                int[] ids = tokenStore.fetchSegments(Projection.PROCESSOR);
                for (int id : ids) {
                    tokenStore.fetchToken(Projection.PROCESSOR, id);
                    segments.add(Segment.computeSegment(id, ids));
                }
            });
            jdbc.sql("""
                    INSERT INTO query_model.bulk_rebuild (processor_name, instance, projections, up_to, position,
                                                          started_at, heartbeat_at)
                    VALUES ('projections', :instance, ARRAY['audit-trail'], 100, 40, now() - interval '1 hour',
                            now() - interval '1 hour')""")
                    .param("instance", BulkRebuildsInProgress.THIS_INSTANCE)
                    .update();
            ageClaims();

            try (RebuildHeartbeat.Beat beating = heartbeat.start(segments)) {
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    assertThat(oldestClaimAgeSeconds()).isLessThan(30);
                    assertThat(heartbeatAgeSeconds()).isLessThan(30);
                });
            }
            ageClaims();
            jdbc.sql("UPDATE query_model.bulk_rebuild SET heartbeat_at = now() - interval '1 hour'")
                    .update();
            // no beat after the rebuild ended: both stay an hour old for two intervals
            await().during(RebuildHeartbeat.INTERVAL.multipliedBy(2))
                    .atMost(RebuildHeartbeat.INTERVAL.multipliedBy(3))
                    .untilAsserted(() -> {
                        assertThat(oldestClaimAgeSeconds()).isGreaterThan(3000);
                        assertThat(heartbeatAgeSeconds()).isGreaterThan(3000);
                    });
        } finally {
            jdbc.sql("DELETE FROM query_model.bulk_rebuild").update();
            processor.start();
        }
    }

    /** The token store keeps its timestamps as text (ISO-8601 instants). */
    private void ageClaims() {
        jdbc.sql("UPDATE query_model.token_entry SET timestamp = :old WHERE processor_name = :processor")
                .param("old", Instant.now().minus(Duration.ofHours(1)).toString())
                .param("processor", Projection.PROCESSOR)
                .update();
    }

    private long oldestClaimAgeSeconds() {
        return jdbc.sql("""
                        SELECT max(extract(EPOCH FROM now() - timestamp::timestamptz))::bigint
                        FROM query_model.token_entry WHERE processor_name = :processor""")
                .param("processor", Projection.PROCESSOR)
                .query(Long.class)
                .single();
    }

    private long heartbeatAgeSeconds() {
        return jdbc.sql("SELECT extract(EPOCH FROM now() - heartbeat_at)::bigint FROM query_model.bulk_rebuild")
                .query(Long.class)
                .single();
    }
}
