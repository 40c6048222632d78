package nl.actionledger.query.config;

import java.time.Duration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Reads the event table that command-service writes. Declared here rather than left to Axon's
 * auto-configuration for one reason: the poll interval. Query-service learns of new events only by polling,
 * and Axon's default of one second is the largest part of the delay before a change shows in the views.
 * Declaring the event store turns off Axon's JPA event-store configuration, so its entities are registered here.
 * The processors read through {@link PromptEventSource}, which lets them notice new events at the same interval.
 */
@org.springframework.context.annotation.Configuration
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfiguration {

    /** Events read per query: Axon's default of 100 makes a replay of a long history mostly round trips. */
    private static final int FETCH_SIZE = 1000;

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager,
                                          Configuration configuration) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .batchSize(FETCH_SIZE)
                .build();
    }

    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  @Value("${actionledger.events.poll-interval:PT0.05S}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EmbeddedEventStore.class, "eventStore"))
                .fetchDelay(pollInterval.toMillis())
                // Each processor reads the table itself. Axon's shared cache of recent events keeps every event it
                // fetched reachable while a processor lags behind it (AxonFramework#2954): with a history written
                // faster than the projections kept up, it filled the 512 MB heap with 320,000 cached events.
                .optimizeEventConsumption(false)
                .build();
    }

    /** What the projections read from (see {@code source} of each processor in application.yml). */
    @Bean(destroyMethod = "close")
    PromptEventSource projectionEventSource(EmbeddedEventStore eventStore,
                                            @Value("${actionledger.events.poll-interval:PT0.05S}") Duration pollInterval) {
        return new PromptEventSource(eventStore, pollInterval);
    }
}
