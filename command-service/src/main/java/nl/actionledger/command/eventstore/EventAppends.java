package nl.actionledger.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC storage engine, appending in the command's transaction when it has one, and otherwise together with the
 * appends of the other commands of the moment ({@link GroupCommits}): one statement for all of them instead of a
 * transaction each ({@link CommandTransactions}). A command that appends more than one event opens its transaction
 * first, so that its events are stored together or not at all, whatever happens to the others'.
 */
public final class EventAppends extends JdbcEventStorageEngine implements AutoCloseable {

    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final GroupCommits groupCommits;
    /** The INSERT of n rows at index n - 1, made when first needed. */
    private final String[] insertsOfRows = new String[GroupCommits.MAX_GROUP];

    public EventAppends(Builder builder) {
        super(builder);
        this.groupCommits = new GroupCommits(this::getConnection, this::insertRows);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.size() > 1) {
            CommandTransactions.requireForThisCommand();
        }
        if (events.isEmpty()
                || serializer != getEventSerializer()
                || TransactionSynchronizationManager.isActualTransactionActive()
                || !events.stream().allMatch(DomainEventMessage.class::isInstance)) {
            super.appendEvents(events, serializer);
            return;
        }
        try {
            if (groupCommits.append(events) == GroupCommits.Outcome.APPEND_ALONE) {
                super.appendEvents(events, serializer);
            }
        } catch (GroupCommits.GroupFailedException e) {
            // As Axon reports a failed append of its own: the cause tells whether the database went away.
            handlePersistenceException((Exception) e.getCause(), events.get(0));
        }
    }

    /**
     * A group's events as one INSERT of one row each, with the columns and values of Axon's own statement
     * ({@code JdbcEventStorageEngineStatements.appendEvents}, which inserts them as a batch of one-row statements). One
     * statement is stored whole or not at all without a transaction around it, so the group commits in the round trip
     * that sends it; and PostgreSQL starts one statement for the group instead of one per event.
     */
    private PreparedStatement insertRows(Connection connection, List<? extends EventMessage<?>> events)
            throws SQLException {
        PreparedStatement insert = connection.prepareStatement(insertOf(events.size()));
        try {
            int column = 0;
            for (EventMessage<?> message : events) {
                DomainEventMessage<?> event = (DomainEventMessage<?>) message;
                SerializedObject<byte[]> payload = event.serializePayload(getEventSerializer(), byte[].class);
                SerializedObject<byte[]> metaData = event.serializeMetaData(getEventSerializer(), byte[].class);
                insert.setString(++column, event.getIdentifier());
                insert.setString(++column, event.getAggregateIdentifier());
                insert.setLong(++column, event.getSequenceNumber());
                insert.setString(++column, event.getType());
                writeTimestamp(insert, ++column, event.getTimestamp());
                insert.setString(++column, payload.getType().getName());
                insert.setString(++column, payload.getType().getRevision());
                insert.setObject(++column, payload.getData());
                insert.setObject(++column, metaData.getData());
            }
            return insert;
        } catch (SQLException | RuntimeException e) {
            insert.close();
            throw e;
        }
    }

    private String insertOf(int rows) {
        String insert = insertsOfRows[rows - 1];
        if (insert == null) {
            insert = "INSERT INTO " + schema().domainEventTable() + " (" + schema().domainEventFields() + ") VALUES "
                    + String.join(", ", Collections.nCopies(rows, ROW));
            insertsOfRows[rows - 1] = insert;
        }
        return insert;
    }

    @Override
    public void close() {
        groupCommits.close();
    }
}
