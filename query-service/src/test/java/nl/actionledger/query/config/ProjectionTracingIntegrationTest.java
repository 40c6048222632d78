package nl.actionledger.query.config;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.List;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import nl.actionledger.support.testing.RecordedSpans;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The projections continue the trace of the request that caused an event, from the W3C {@code traceparent} that
 * command-service's Axon put into the event's metadata: one trace from the HTTP request to each projection.
 */
class ProjectionTracingIntegrationTest extends QueryServiceIntegrationTestBase {

    @Autowired
    RecordedSpans recordedSpans;

    @Test
    void eachProjectionHandlesAnEventInTheTraceOfTheRequestThatCausedIt() {
        String traceId = RecordedSpans.newTraceId();
        String publishingSpan = RecordedSpans.newSpanId();
        new History(action("971"))
                .then(
                        registered("971", 5, 2, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        tracedBy(traceId, publishingSpan),
                        Instant.now());

        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            RecordedSpans.Trace trace = recordedSpans.trace(traceId);
            SpanData processing = trace.named("StreamingEventProcessor.process").stream()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the event was not handled in its trace: " + trace));
            assertThat(processing.getParentSpanId()).isEqualTo(publishingSpan);
            for (String projection :
                    List.of("ActionViewProjection.", "AuditTrailProjection.", "ActionTimelineProjection.")) {
                assertThat(trace.named(projection))
                        .as(projection)
                        .singleElement()
                        .satisfies(handling -> assertThat(trace.descendsFrom(handling, processing))
                                .isTrue());
            }
        });
    }

    /** Its trace is sampled anew (every trace, in the tests), as a replay's would be: see application.yml. */
    @Test
    void anEventHandledLongAfterItWasStoredStartsATraceLinkedToTheRequestsTrace() {
        String traceId = RecordedSpans.newTraceId();
        new History(action("972"))
                .then(
                        registered("972", 5, 2, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        tracedBy(traceId, RecordedSpans.newSpanId()),
                        Instant.now().minusSeconds(3600));

        await().atMost(VISIBLE_WITHIN)
                .untilAsserted(() -> assertThat(recordedSpans.linkedTo(traceId))
                        .anySatisfy(span -> assertThat(span.getName()).startsWith("StreamingEventProcessor.process")));
        assertThat(recordedSpans.trace(traceId).spans()).isEmpty();
    }

    private static MetaData tracedBy(String traceId, String spanId) {
        return MetaData.with("actor", "system")
                .and("correlationId", "trace-" + traceId)
                .and("traceparent", RecordedSpans.traceparent(traceId, spanId));
    }
}
