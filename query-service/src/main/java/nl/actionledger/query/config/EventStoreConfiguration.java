package nl.actionledger.query.config;

import java.time.Duration;
import nl.actionledger.query.EventPositions;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Reads the event table that command-service writes, with Axon's JDBC storage engine (no entity per event), and keeps
 * the processors' tokens in {@code query_model.token_entry}, in the transaction of the rows they cover (see
 * {@link nl.actionledger.support.persistence.AxonJdbcConfiguration}). Declared here rather than left to Axon's
 * auto-configuration: its JDBC configuration waits for Spring Boot 3's class names and does not apply under Boot 4,
 * and the poll interval needs setting. Query-service learns of new events
 * only by polling, and Axon's default of one second is the largest part of the delay before a change shows in the
 * views. The processors read through {@link PromptEventSource}, which lets them notice new events at that interval.
 */
@org.springframework.context.annotation.Configuration
class EventStoreConfiguration {

    /** What the audit trail's repair and content checks read through: as fast as they ask. */
    @Bean
    EventStorageEngine eventStorageEngine(EventEngines engines) {
        return engines.engine(CaughtUpReads.UNPACED);
    }

    @Bean
    EventEngines eventEngines(
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ConnectionProvider connections,
            TransactionManager transactionManager,
            Configuration configuration,
            @Value("${actionledger.events.gap-timeout:PT60S}") Duration gapTimeout,
            @Value("${actionledger.events.gap-cleaning-threshold:250}") int gapCleaningThreshold,
            EventPositions positions) {
        return new EventEngines(
                defaultSerializer,
                eventSerializer,
                connections,
                transactionManager,
                configuration,
                gapTimeout,
                gapCleaningThreshold,
                positions);
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .contentType(byte[].class)
                .schema(TokenSchema.builder()
                        .setTokenTable("query_model.token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .build();
    }

    /**
     * What the processors read: through an engine of their own, which once a processor has caught up reads the table
     * at most once per poll interval ({@link CaughtUpReads}): at rest new events are looked for once per poll interval
     * anyway, and under load what arrived meanwhile comes in one query and one batch, whose fixed cost (its reads, its
     * token, its transaction) it spreads over more events.
     */
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(
            EventEngines engines,
            Configuration configuration,
            @Value("${actionledger.events.poll-interval:PT0.05S}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(engines.engine(new CaughtUpReads(pollInterval)))
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
    PromptEventSource projectionEventSource(
            EmbeddedEventStore eventStore,
            @Value("${actionledger.events.poll-interval:PT0.05S}") Duration pollInterval) {
        return new PromptEventSource(eventStore, pollInterval);
    }
}
