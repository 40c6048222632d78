package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How the projections read the event table. */
class EventSourceIntegrationTest extends QueryServiceIntegrationTestBase {

    /**
     * Axon's shared cache of recent events keeps every event it fetched reachable while a processor lags behind it;
     * the benchmark ran query-service out of heap that way while a large history was written (AxonFramework#2954).
     * The cache is filled by a thread of the event store's, started as soon as a processor's stream has caught up and
     * switches to the cache; without the cache "no side threads are created" (Axon's documentation of
     * {@code optimizeEventConsumption}). So once the projections have caught up with a new event, no such thread runs.
     */
    @Test
    void eachProcessorReadsTheTableItselfRatherThanThroughTheSharedCache() {
        new History(TestEvents.action("402"))
                .then(
                        TestEvents.registered(
                                "402",
                                1,
                                1,
                                ImplementationStatus.NOT_STARTED,
                                TestEvents.RANGE_2024_2025,
                                CommitmentLevel.NATIONAL),
                        "system",
                        "reg-402",
                        Instant.parse("2026-02-01T09:00:00Z"));
        await().atMost(VISIBLE_WITHIN)
                .until(() ->
                        get("evaluator", "/api/plans/eu-wap-nl/actions/402").statusCode() == 200);

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(EventSourceIntegrationTest::sharedCacheThread);
    }

    /** The event store's cache threads are in a thread group named after it (Axon's {@code AxonThreadFactory}). */
    private static boolean sharedCacheThread(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return group != null && group.getName().equals(EmbeddedEventStore.class.getSimpleName());
    }

    @Autowired
    private TransactionManager axonTransactions;

    @Autowired
    private TokenStore tokenStore;

    /** A batch's rows and the token that covers them commit in one Spring transaction, next to the projections. */
    @Test
    void projectionsAndTheirTokenShareSpringsTransaction() {
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
    }
}
