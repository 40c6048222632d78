package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/** How the projections read the event table. */
class EventSourceIntegrationTest extends QueryServiceIntegrationTestBase {

    /**
     * Axon's shared cache of recent events keeps every event it fetched reachable while a processor lags behind it;
     * the benchmark ran query-service out of heap that way while a large history was written (AxonFramework#2954).
     */
    @Test
    void eachProcessorReadsTheTableItselfRatherThanThroughTheSharedCache() {
        assertThat(serviceEventStore).isInstanceOf(EmbeddedEventStore.class);
        assertThat(ReflectionTestUtils.getField(serviceEventStore, "optimizeEventConsumption")).isEqualTo(false);
    }

    @Autowired
    private EventStore serviceEventStore;

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
