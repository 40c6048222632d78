package nl.actionledger.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class SegmentFailuresTest {

    private Instant now = Instant.parse("2026-12-04T12:00:00Z");
    private final SegmentFailures failures = new SegmentFailures(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aBatchThatRollsBackMarksItsSegmentUntilABatchOfItCommits() throws Exception {
        batchOfSegment(1).rollback();
        assertThat(failures.failing()).isEqualTo(1);

        batchOfSegment(0).commit();
        assertThat(failures.failing()).as("another segment's success").isEqualTo(1);

        batchOfSegment(1).commit();
        assertThat(failures.failing()).isZero();
    }

    @Test
    void aFailureNotRetriedHereForThreeMinutesIsForgotten() throws Exception {
        batchOfSegment(0).rollback();
        now = now.plus(SegmentFailures.FORGOTTEN_AFTER).plus(Duration.ofSeconds(1));

        assertThat(failures.failing()).isZero();
    }

    /** A batch of the projections' processor that has handled an event, as Axon's pooled processor hands it over. */
    private UnitOfWork<EventMessage<?>> batchOfSegment(int segment) throws Exception {
        UnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));
        batch.resources().put("Processor[projections]/SegmentId", segment);
        failures.handle(batch, () -> null);
        return batch;
    }
}
