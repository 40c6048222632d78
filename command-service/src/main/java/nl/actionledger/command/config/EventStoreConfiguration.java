package nl.actionledger.command.config;

import javax.sql.DataSource;
import nl.actionledger.command.eventstore.CommandTransactions;
import nl.actionledger.command.eventstore.ConcurrentAppend;
import nl.actionledger.command.eventstore.EventAppends;
import nl.actionledger.support.persistence.EventTable;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The event store as command-service writes it: Axon's JDBC storage engine on the tables of {@code db/migration}.
 * Plain JDBC rather than JPA: an append is one INSERT, with no entity, persistence context or Hibernate session
 * around it. Declared here because Axon's JDBC auto-configuration waits for Spring Boot 3's class names and does not
 * apply under Boot 4 (see {@link nl.actionledger.support.persistence.AxonJdbcConfiguration}).
 */
@Configuration
class EventStoreConfiguration {

    /** A command's unit of work opens a database transaction only when it writes more than its event. */
    @Bean
    @Primary
    TransactionManager commandTransactions(PlatformTransactionManager transactions) {
        return new CommandTransactions(transactions);
    }

    /**
     * Every append and read takes the connection of the command's transaction when one is open, and otherwise a pooled
     * connection of its own, returned at once; an append outside a transaction is committed together with those of the
     * other commands of the moment ({@link EventAppends}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            DataSource dataSource,
            org.axonframework.config.Configuration configuration) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .schema(EventTable.schema())
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .persistenceExceptionResolver(ConcurrentAppend::causedBy)
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                // An action is decided from its events only. A snapshot is not part of the hash chains, so one written
                // into the table by anyone who can (V5 leaves no login that can) would decide unchecked; actions are
                // kept in memory between commands, and loading even the longest history costs milliseconds.
                .snapshotFilter(SnapshotFilter.rejectAll());
        return new EventAppends(builder);
    }
}
