package nl.actionledger.query.rebuild;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import nl.actionledger.support.persistence.EventTable;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the event table in order of position, a page at a time, and turns each row into the message the projections'
 * handlers receive: through the same serializer and upcasters as the processor, so a rebuild in bulk (and the audit
 * trail's content check, which derives each entry again) sees exactly the events the processor would. Each page is its
 * own short query: a reader holds no transaction open on the event table. Unlike a storage engine's stream it tracks no
 * gaps event by event, and it reads time stamps without a general parser ({@link EventRow}).
 */
public final class EventTableReader {

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final String query;

    public EventTableReader(JdbcClient jdbc, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
        EventSchema schema = EventTable.schema();
        String columns = String.join(
                ", ",
                schema.globalIndexColumn(),
                schema.eventIdentifierColumn(),
                schema.aggregateIdentifierColumn(),
                schema.sequenceNumberColumn(),
                schema.typeColumn(),
                schema.timestampColumn(),
                schema.payloadTypeColumn(),
                schema.payloadRevisionColumn(),
                schema.payloadColumn(),
                schema.metaDataColumn());
        String position = schema.globalIndexColumn();
        // Two ordered index scans merged, each stopping at the limit: with an OR in one WHERE clause PostgreSQL
        // gathers every row above the position and sorts them, for every page.
        this.query = "(SELECT " + columns + " FROM " + schema.domainEventTable()
                + " WHERE " + position + " > ? AND " + position + " <= ? ORDER BY " + position + " LIMIT ?)"
                + " UNION ALL (SELECT " + columns + " FROM " + schema.domainEventTable()
                + " WHERE " + position + " = ANY(?))"
                + " ORDER BY " + position + " LIMIT ?";
    }

    /**
     * The events after position {@code after} up to and including {@code upTo}, and those at the positions
     * {@code missing} (gaps passed before, whose transactions may have committed since), at most {@code limit} rows. In
     * one query, so in one snapshot: an action's event that committed late is read before that action's later events.
     * Every payload, metadata and time stamp is read here, on the reading thread, not by each projection's writer.
     */
    public Page read(long after, long upTo, Collection<Long> missing, int limit) {
        List<TrackedEventData<?>> rows = new ArrayList<>(limit);
        jdbc.sql(query)
                .params(after, upTo, limit, missing.toArray(Long[]::new), limit)
                .query(rs -> {
                    rows.add(new TrackedDomainEventData<>(
                            GapAwareTrackingToken.newInstance(rs.getLong(1), Set.of()),
                            new EventRow(
                                    rs.getString(5),
                                    rs.getString(3),
                                    rs.getLong(4),
                                    rs.getString(2),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getBytes(9),
                                    rs.getBytes(10))));
                });
        long[] positions = rows.stream()
                .mapToLong(row -> row.trackingToken().position().orElseThrow())
                .toArray();
        List<StoredEvent> events = new ArrayList<>(rows.size());
        EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters)
                .forEach(message -> {
                    message.getPayload();
                    message.getMetaData();
                    message.getTimestamp();
                    events.add(new StoredEvent(
                            message.trackingToken().position().orElseThrow(), (DomainEventMessage<?>) message));
                });
        return new Page(events, positions);
    }

    /**
     * @param events    the page's events, as the upcasters made them (an upcaster may drop or split one)
     * @param positions the positions of the page's rows, in order
     */
    public record Page(List<StoredEvent> events, long[] positions) {}
}
