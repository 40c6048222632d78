package nl.actionledger.command.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC storage engine, appending in the command's transaction when it has one, and otherwise together with the
 * appends of the other commands of the moment ({@link GroupCommits}): one transaction for all of them instead of one
 * each ({@link CommandTransactions}). A command that appends more than one event opens its transaction first, so that
 * its events are stored together or not at all, whatever happens to the others'.
 */
public final class EventAppends extends JdbcEventStorageEngine implements AutoCloseable {

    private final GroupCommits groupCommits;

    public EventAppends(Builder builder) {
        super(builder);
        this.groupCommits = new GroupCommits(
                this::getConnection, (connection, events) -> appendEvents(connection, events, getEventSerializer()));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.size() > 1) {
            CommandTransactions.requireForThisCommand();
        }
        if (events.isEmpty()
                || serializer != getEventSerializer()
                || TransactionSynchronizationManager.isActualTransactionActive()) {
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

    @Override
    public void close() {
        groupCommits.close();
    }
}
