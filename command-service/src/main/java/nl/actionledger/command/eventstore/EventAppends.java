package nl.actionledger.command.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine, appending in the command's transaction when it has one and as a single statement when it
 * does not ({@link CommandTransactions}). A command that appends more than one event opens its transaction first, so
 * that its events are stored together or not at all, whatever the driver does with a batch outside a transaction.
 */
public final class EventAppends extends JdbcEventStorageEngine {

    public EventAppends(Builder builder) {
        super(builder);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.size() > 1) {
            CommandTransactions.requireForThisCommand();
        }
        super.appendEvents(events, serializer);
    }
}
