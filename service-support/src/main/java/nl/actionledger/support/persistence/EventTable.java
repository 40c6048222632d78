package nl.actionledger.support.persistence;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The event and snapshot tables as command-service's migrations create them, for Axon's JDBC storage engine: the
 * one that appends (command-service) and the one that reads (query-service) name the same columns.
 */
public final class EventTable {

    private EventTable() {}

    public static EventSchema schema() {
        return EventSchema.builder()
                .eventTable("event_store.domain_event_entry")
                .snapshotTable("event_store.snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
