package nl.actionledger.query;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * An event that its reader did not hand over here (none recorded) is found in the event table by its action and version,
 * and only if the identifier stored there is its own.
 */
class EventPositionsIntegrationTest extends QueryServiceIntegrationTestBase {

    @Test
    void anEventNotReadHereIsFoundByItsActionAndVersion() {
        DomainEventMessage<?> event = TestEvents.message(
                action("521"),
                0,
                registered("521", 1, 1, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                "admin",
                "positions-1",
                Instant.now());
        transactions.executeWithoutResult(tx -> eventStore.publish(event));
        long stored = jdbc.sql("SELECT global_index FROM event_store.domain_event_entry WHERE aggregate_identifier = ?")
                .param(event.getAggregateIdentifier())
                .query(Long.class)
                .single();
        EventPositions nothingRead = new EventPositions(jdbc);

        Map<String, Long> found = nothingRead.globalIndexesOf(
                List.of(new EventPositions.StoredEvent(event.getIdentifier(), event.getAggregateIdentifier(), 0)));

        assertThat(found).isEqualTo(Map.of(event.getIdentifier(), stored));
        assertThatThrownBy(() -> nothingRead.globalIndexesOf(List.of(new EventPositions.StoredEvent(
                        UUID.randomUUID().toString(), event.getAggregateIdentifier(), 0))))
                .as("another event at that action and version")
                .isInstanceOf(IllegalStateException.class);
    }
}
