package nl.actionledger.query;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two commands commit out of order: the first takes global index n but commits after the second took n + 1.
 * The processors see a gap that the late event fills, and its tracking token then stands at n + 1. Every projection
 * must still record the late event at its own index n: the audit trail once refused it as a duplicate of n + 1 and
 * stopped there. (The events carry the current time: Axon keeps a gap open only for events younger than its gap
 * timeout, so a late commit among old events would be passed over, as it would in production after a minute.)
 */
class LateCommitIntegrationTest extends QueryServiceIntegrationTestBase {

    @Test
    void anEventThatCommitsLateKeepsItsOwnGlobalIndex() throws Exception {
        DomainEventMessage<?> late = TestEvents.message(
                action("501"),
                0,
                registered("501", 1, 1, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.NATIONAL),
                "system",
                "late",
                Instant.now());
        DomainEventMessage<?> early = TestEvents.message(
                action("502"),
                0,
                registered("502", 1, 1, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.NATIONAL),
                "system",
                "early",
                Instant.now());
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> slowCommit = appendAndHold(late, mayCommit);
        transactions.executeWithoutResult(tx -> eventStore.publish(early));
        awaitJson(
                "auditor",
                "/api/plans/eu-wap-nl/actions/502/audit",
                history -> history.get("entries").size() == 1);

        mayCommit.countDown();
        slowCommit.get(10, TimeUnit.SECONDS);

        JsonNode lateEntry = awaitJson(
                        "auditor",
                        "/api/plans/eu-wap-nl/actions/501/audit",
                        h -> h.get("entries").size() == 1)
                .get("entries")
                .get(0);
        JsonNode earlyEntry = getJson("auditor", "/api/plans/eu-wap-nl/actions/502/audit")
                .get("entries")
                .get(0);
        assertThat(lateEntry.get("position").asLong())
                .isEqualTo(globalIndexOf(late))
                .isLessThan(globalIndexOf(early));
        assertThat(earlyEntry.get("position").asLong()).isEqualTo(globalIndexOf(early));
        assertThat(Awaitility.await()
                        .atMost(VISIBLE_WITHIN)
                        .until(
                                () -> jdbc.sql(
                                                "SELECT position FROM query_model.action_state WHERE aggregate_id = 'eu-wap-nl/501'")
                                        .query(Long.class)
                                        .optional(),
                                Optional::isPresent))
                .contains(globalIndexOf(late));
    }

    /**
     * An auditor exporting by actor or by period while a transaction holds an earlier position: the export must not
     * hand out the later event yet. A client continuing after it would otherwise never see the late one.
     */
    @Test
    void anExportDoesNotPassAnEventThatIsStillCommitting() throws Exception {
        Instant stamped = Instant.now();
        DomainEventMessage<?> late = TestEvents.message(
                action("511"),
                0,
                registered("511", 1, 1, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.NATIONAL),
                "late-exporter",
                "late",
                stamped);
        DomainEventMessage<?> early = TestEvents.message(
                action("512"),
                0,
                registered("512", 1, 1, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.NATIONAL),
                "late-exporter",
                "early",
                stamped.plusMillis(1));
        String byActor = "/api/integrity/export?actor=late-exporter";
        String byPeriod = "/api/integrity/export?from=" + stamped.minusSeconds(1) + "&to=" + stamped.plusSeconds(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> slowCommit = appendAndHold(late, mayCommit);
        try {
            transactions.executeWithoutResult(tx -> eventStore.publish(early));
            awaitJson(
                    "auditor",
                    "/api/plans/eu-wap-nl/actions/512/audit",
                    history -> history.get("entries").size() == 1);

            JsonNode actorPage = getJson("auditor", byActor);
            assertThat(actorPage.get("events")).isEmpty();
            assertThat(actorPage.get("coverage").get("position").asLong()).isLessThan(globalIndexOf(early));
            JsonNode periodPage = getJson("auditor", byPeriod);
            assertThat(periodPage.get("events")).isEmpty();
            assertThat(periodPage.get("coverage").get("complete").asBoolean()).isFalse();
            assertThat(getJson("auditor", "/api/integrity/export?size=10000")
                            .get("events")
                            .findValuesAsString("eventId"))
                    .doesNotContain(early.getIdentifier());
        } finally {
            mayCommit.countDown();
            slowCommit.get(10, TimeUnit.SECONDS);
        }

        List<String> expected = List.of(late.getIdentifier(), early.getIdentifier());
        assertThat(awaitJson("auditor", byActor, page -> page.get("events").size() == 2)
                        .get("events")
                        .findValuesAsString("eventId"))
                .isEqualTo(expected);
        // Other tests' events may fall in the same two seconds: only these two, and their order, matter here.
        JsonNode periodPage = awaitJson(
                "auditor",
                byPeriod,
                page -> page.get("events").findValuesAsString("eventId").containsAll(expected));
        assertThat(periodPage.get("events").findValuesAsString("eventId"))
                .filteredOn(expected::contains)
                .isEqualTo(expected);
    }

    /** Appends the event in a transaction that commits only once {@code mayCommit} opens; returns once it has appended. */
    private CompletableFuture<Void> appendAndHold(DomainEventMessage<?> event, CountDownLatch mayCommit)
            throws InterruptedException {
        CountDownLatch appended = new CountDownLatch(1);
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            eventStore.publish(event);
            appended.countDown();
            await(mayCommit);
        }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        return commit;
    }

    private long globalIndexOf(DomainEventMessage<?> event) {
        return jdbc.sql("SELECT global_index FROM event_store.domain_event_entry WHERE event_identifier = ?")
                .param(event.getIdentifier())
                .query(Long.class)
                .single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
