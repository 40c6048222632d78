package nl.actionledger.tooling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Rows of the event table exactly as command-service writes them: the same serializer (Axon's JacksonSerializer over
 * a Jackson 2 mapper with the modules found on the class path, as Axon's Spring Boot configuration builds it), the
 * same timestamp format, aggregate type and metadata. The benchmark's serialization check compares them with a real
 * command's; the benchmark writes its history with them, the fault suite its late commit and history to catch up on.
 */
public final class EventRows {

    public static final String AGGREGATE_TYPE = "Action";
    public static final String ORGANISATION_TYPE = "Organisation";
    public static final String INSERT = """
            INSERT INTO event_store.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
            VALUES (nextval('event_store.domain_event_entry_global_index_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();

    public Serializer serializer() {
        return serializer;
    }

    public Row row(
            String eventIdentifier,
            String aggregateId,
            long sequenceNumber,
            Object payload,
            Map<String, String> metadata,
            Instant at) {
        return row(AGGREGATE_TYPE, eventIdentifier, aggregateId, sequenceNumber, payload, metadata, at);
    }

    /** @param type the aggregate type: {@link #AGGREGATE_TYPE} for an action, {@link #ORGANISATION_TYPE} */
    public Row row(
            String type,
            String eventIdentifier,
            String aggregateId,
            long sequenceNumber,
            Object payload,
            Map<String, String> metadata,
            Instant at) {
        SerializedObject<byte[]> serializedPayload = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> serializedMetadata = serializer.serialize(MetaData.from(metadata), byte[].class);
        return new Row(
                type,
                eventIdentifier,
                aggregateId,
                sequenceNumber,
                DateTimeUtils.formatInstant(at),
                serializedPayload.getType().getName(),
                serializedPayload.getType().getRevision(),
                serializedPayload.getData(),
                serializedMetadata.getData());
    }

    public record Row(
            String type,
            String eventIdentifier,
            String aggregateId,
            long sequenceNumber,
            String timestamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metadata) {

        public void addTo(PreparedStatement insert) throws SQLException {
            insert.setString(1, eventIdentifier);
            insert.setString(2, aggregateId);
            insert.setLong(3, sequenceNumber);
            insert.setString(4, type);
            insert.setString(5, timestamp);
            insert.setString(6, payloadType);
            insert.setString(7, payloadRevision);
            insert.setBytes(8, payload);
            insert.setBytes(9, metadata);
            insert.addBatch();
        }
    }
}
