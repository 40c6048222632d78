package nl.actionledger.query.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import nl.actionledger.query.Projection;

/**
 * How a projection is rebuilt in bulk ({@link BulkRebuild}): from the same row-making code as its event handler, but
 * with the state it reads kept in memory for the whole rebuild and its rows appended with {@code COPY}, instead of
 * reading its rows back and inserting them statement by statement for every batch.
 */
public interface ProjectionBulkLoad {

    Projection projection();

    /** A loader with empty state, for one rebuild from the first event into the projection's emptied tables. */
    Loader begin();

    interface Loader {

        /**
         * Writes what the events add to the projection, in a transaction of its own (one per page and projection).
         * What it keeps in memory instead of writing (a current state that every page changes) waits for
         * {@link #checkpoint}.
         *
         * @param events     in order of position; each event once, the first ones of a rebuild first
         * @param connection the transaction's connection
         */
        void write(List<StoredEvent> events, Connection connection) throws SQLException;

        /**
         * Writes whatever the projection has kept back, so that its tables reflect every event written so far: the
         * processor's tokens are moved past those events next, and a processor that carries on from there finds
         * nothing missing. In the transaction of the page written last.
         */
        default void checkpoint(Connection connection) throws SQLException {}
    }
}
