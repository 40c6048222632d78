package nl.actionledger.command.config;

import java.sql.SQLException;
import javax.sql.DataSource;
import nl.actionledger.command.eventstore.CommandTransactions;
import nl.actionledger.command.eventstore.EventAppends;
import nl.actionledger.support.persistence.EventTable;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
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

    /** The unique index that keeps two instances from appending the same version of an action (V1). */
    static final String AGGREGATE_SEQUENCE_KEY = "domain_event_entry_aggregate_sequence_key";

    /** A command's unit of work opens a database transaction only when it writes more than its event. */
    @Bean
    @Primary
    TransactionManager commandTransactions(PlatformTransactionManager transactions) {
        return new CommandTransactions(transactions);
    }

    /**
     * Every append and read takes the connection of the command's transaction when one is open, and otherwise a pooled
     * connection of its own, returned at once: then the append is a single statement, committed in its own round trip
     * ({@link CommandTransactions}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          DataSource dataSource, org.axonframework.config.Configuration configuration) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .schema(EventTable.schema())
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .persistenceExceptionResolver(EventStoreConfiguration::isConcurrentAppend)
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                // An action is decided from its events only. A snapshot is not part of the hash chains, so one written
                // into the table by anyone who can (V5 leaves no login that can) would decide unchecked; actions are
                // kept in memory between commands, and loading even the longest history costs milliseconds.
                .snapshotFilter(SnapshotFilter.rejectAll());
        return new EventAppends(builder);
    }

    /**
     * Whether a failed append means "someone else appended this version first", so that Axon raises a
     * ConcurrencyException (retried, see {@link CommandRetries}). Axon's own JDBC resolver looks for
     * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws; any other
     * constraint violation is a defect, not a race, and is left as it is.
     */
    static boolean isConcurrentAppend(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException postgres && postgres.getServerErrorMessage() != null
                    && PSQLState.UNIQUE_VIOLATION.getState().equals(postgres.getSQLState())
                    && AGGREGATE_SEQUENCE_KEY.equals(postgres.getServerErrorMessage().getConstraint())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null
                    && isConcurrentAppend(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
