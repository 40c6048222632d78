package nl.actionledger.query.history;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import org.junit.jupiter.api.Test;

/** What a batch of events does to the timeline, worked out before anything is written. */
class TimelineWritesTest {

    private static final String ACTION = "eu-wap-nl/28";
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** Global indexes out of order on purpose: a state's position is its event's, whatever the order. */
    private static final Map<String, Long> POSITIONS = Map.of("e0", 10L, "e1", 11L, "e2", 15L, "e3", 12L);

    private static TimelineEvent registration() {
        return new TimelineEvent(
                "e0",
                ACTION,
                0,
                T0,
                "ActionRegistered",
                "system",
                null,
                registered("28", 9, 3, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.NATIONAL),
                null);
    }

    private static TimelineEvent statusChange(long sequenceNumber, ImplementationStatus status) {
        return new TimelineEvent(
                "e" + sequenceNumber,
                ACTION,
                sequenceNumber,
                T0.plusSeconds(60 * sequenceNumber),
                "ActionStatusChanged",
                "coordinator",
                "reason " + sequenceNumber,
                null,
                state -> state.withStatus(status));
    }

    @Test
    void aWholeLifeInOneBatchBeginsAStatePerEvent() {
        TimelineWrites writes = TimelineWrites.of(
                List.of(
                        registration(),
                        statusChange(1, ImplementationStatus.IN_PROGRESS),
                        statusChange(2, ImplementationStatus.COMPLETED)),
                Map.of(),
                POSITIONS);

        assertThat(writes.baselines()).hasSize(1);
        assertThat(writes.begun())
                .extracting(
                        ActionState::sequenceNumber, ActionState::status, ActionState::validFrom, ActionState::position)
                .containsExactly(
                        tuple(0L, ImplementationStatus.NOT_STARTED, T0, 10L),
                        tuple(1L, ImplementationStatus.IN_PROGRESS, T0.plusSeconds(60), 11L),
                        tuple(2L, ImplementationStatus.COMPLETED, T0.plusSeconds(120), 15L));
        assertThat(writes.begun().get(2).reason()).isEqualTo("reason 2");
    }

    @Test
    void theNextStateContinuesFromTheStoredCurrentState() {
        ActionState stored = TimelineWrites.of(List.of(registration()), Map.of(), POSITIONS)
                .begun()
                .get(0);

        TimelineWrites writes = TimelineWrites.of(
                List.of(statusChange(1, ImplementationStatus.IN_PROGRESS)), Map.of(ACTION, stored), POSITIONS);

        assertThat(writes.baselines()).isEmpty();
        assertThat(writes.begun()).singleElement().satisfies(begun -> {
            assertThat(begun.sequenceNumber()).isEqualTo(1);
            assertThat(begun.status()).isEqualTo(ImplementationStatus.IN_PROGRESS);
            assertThat(begun.timeframe()).isEqualTo(RANGE_2024_2025);
            assertThat(begun.validFrom()).isEqualTo(T0.plusSeconds(60));
        });
    }

    @Test
    void aRedeliveredBatchWritesNothing() {
        List<TimelineEvent> batch = List.of(registration(), statusChange(1, ImplementationStatus.IN_PROGRESS));
        ActionState current =
                TimelineWrites.of(batch, Map.of(), POSITIONS).begun().get(1);

        TimelineWrites again = TimelineWrites.of(batch, Map.of(ACTION, current), POSITIONS);

        assertThat(again.baselines()).isEmpty();
        assertThat(again.begun()).isEmpty();
    }

    @Test
    void aChangeBeforeTheRegistrationIsRefused() {
        assertThatThrownBy(() -> TimelineWrites.of(
                        List.of(statusChange(1, ImplementationStatus.IN_PROGRESS)), Map.of(), POSITIONS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before its registration");
    }
}
