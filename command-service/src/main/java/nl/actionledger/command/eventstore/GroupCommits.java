package nl.actionledger.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import nl.actionledger.support.persistence.DatabaseUnavailable;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appends of concurrent commands written together: one thread takes every append that arrived while it wrote the
 * previous group and stores them with one INSERT of all their rows, committed on its own ("group commit"): one round
 * trip to PostgreSQL for the group. The caller waits until its group is committed, so an append still returns only once
 * its event is durable.
 *
 * <p>Why: an event is one small row, but every transaction that commits it costs PostgreSQL a round trip, a WAL flush
 * and a commit record; measured on the benchmark's machine those were over half of what command-service's connections
 * cost PostgreSQL per change. Under load the commands that arrive during one group's write form the next group, so a
 * group grows with the load and a single command at rest waits for nobody.
 *
 * <p>A group is all or nothing: it is one statement. When PostgreSQL refuses it (the unique index on the action and
 * version after another instance appended first, a time stamp the event table's trigger refuses, a statement timeout),
 * nothing of it is stored, and each caller is told to append on its own ({@link Outcome#APPEND_ALONE}), which gives
 * each its own answer.
 * When the database goes away under it ({@link DatabaseUnavailable}), each caller gets that failure, as a single append
 * would: whether a group whose COMMIT was sent was stored is not known then.
 */
final class GroupCommits implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommits.class);

    /** At most this many appends in one group: more than the connections a service has to the database. */
    static final int MAX_GROUP = 64;

    /** Builds the one statement that inserts all the given events on the given connection. */
    @FunctionalInterface
    interface InsertStatement {
        PreparedStatement prepare(Connection connection, List<? extends EventMessage<?>> events) throws SQLException;
    }

    /** How an append ended. */
    enum Outcome {
        /** Committed with its group. */
        STORED,
        /** Nothing of the group was stored; the caller appends on its own. */
        APPEND_ALONE
    }

    /** The group could not be stored and the caller must not try again on its own: the database went away. */
    static final class GroupFailedException extends RuntimeException {
        GroupFailedException(Exception cause) {
            super("The group of appends failed: " + cause.getMessage(), cause);
        }
    }

    private final Supplier<Connection> connections;
    private final InsertStatement insertStatement;
    private final BlockingQueue<Append> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    GroupCommits(Supplier<Connection> connections, InsertStatement insertStatement) {
        this.connections = connections;
        this.insertStatement = insertStatement;
        this.writer = new Thread(this::writeGroups, "event-group-commits");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Stores the events with those of the other commands waiting meanwhile and returns once they are committed; or
     * returns {@link Outcome#APPEND_ALONE} when nothing was stored and the caller should append them itself.
     *
     * @throws RuntimeException the failure to obtain a connection, as the caller would have met it
     * @throws GroupFailedException when the connection broke under the group: its events may have been stored
     */
    Outcome append(List<? extends EventMessage<?>> events) {
        if (closed) {
            return Outcome.APPEND_ALONE;
        }
        Append append = new Append(events);
        waiting.add(append);
        if (closed) {
            // The writer may have gone before it saw this one; completing twice is harmless.
            append.result.complete(Outcome.APPEND_ALONE);
        }
        try {
            return append.result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }

    private void writeGroups() {
        List<Append> group = new ArrayList<>(MAX_GROUP);
        try {
            while (!closed) {
                group.add(waiting.take());
                waiting.drainTo(group, MAX_GROUP - 1);
                write(group);
                group.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("The writer of grouped event appends stopped; appends go one by one from now on", e);
            closed = true;
        } finally {
            group.forEach(append -> append.result.complete(Outcome.APPEND_ALONE));
            waiting.forEach(append -> append.result.complete(Outcome.APPEND_ALONE));
        }
    }

    private void write(List<Append> group) {
        List<EventMessage<?>> events = new ArrayList<>(group.size());
        group.forEach(append -> events.addAll(append.events));
        Connection connection;
        try {
            connection = connections.get();
        } catch (RuntimeException e) {
            group.forEach(append -> append.result.completeExceptionally(e));
            return;
        }
        try (connection) {
            // The statement is its own transaction: committed when it returns, rolled back whole when refused.
            connection.setAutoCommit(true);
            try (PreparedStatement insert = insertStatement.prepare(connection, events)) {
                insert.executeUpdate();
            } catch (SQLException | RuntimeException e) {
                if (e instanceof SQLException sql && DatabaseUnavailable.causedBy(sql)) {
                    fail(group, sql);
                } else {
                    // PostgreSQL refused the statement and stored none of its rows; or an event could not be
                    // serialized, and nothing was sent.
                    group.forEach(append -> append.result.complete(Outcome.APPEND_ALONE));
                }
                return;
            }
            group.forEach(append -> append.result.complete(Outcome.STORED));
        } catch (SQLException e) {
            // Turning on auto-commit failed, or giving the connection back did: those already answered keep their
            // answer (a future completes once).
            fail(group, e);
        }
    }

    private static void fail(List<Append> group, SQLException failure) {
        GroupFailedException failed = new GroupFailedException(failure);
        group.forEach(append -> append.result.completeExceptionally(failed));
    }

    private static final class Append {

        private final List<? extends EventMessage<?>> events;
        private final CompletableFuture<Outcome> result = new CompletableFuture<>();

        Append(List<? extends EventMessage<?>> events) {
            this.events = events;
        }
    }
}
