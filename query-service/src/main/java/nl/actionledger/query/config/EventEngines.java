package nl.actionledger.query.config;

import java.time.Duration;
import nl.actionledger.query.EventPositions;
import nl.actionledger.support.persistence.EventTable;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Builds the storage engines that read the event table, alike but for how often they read its head
 * ({@link CaughtUpReads}): one for the processors, one for everyone else.
 */
record EventEngines(
        Serializer snapshotSerializer,
        Serializer eventSerializer,
        ConnectionProvider connections,
        TransactionManager transactionManager,
        Configuration configuration,
        Duration gapTimeout,
        int gapCleaningThreshold,
        EventPositions positions) {

    /** Events read per query: Axon's default of 100 makes a replay of a long history mostly round trips. */
    private static final int FETCH_SIZE = 1000;

    EventStorageEngine engine(CaughtUpReads caughtUpReads) {
        EventSchema schema = EventTable.schema();
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .schema(schema)
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .batchSize(FETCH_SIZE)
                // Axon's defaults (60 s, 250 gaps); settable so that the fault suite can make a late commit outlive
                // the gap timeout within seconds and show what the audit trail's check does about it.
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .gapCleaningThreshold(gapCleaningThreshold);
        return new PositionRecordingStorageEngine(builder, positions, schema.globalIndexColumn(), caughtUpReads);
    }
}
