package nl.actionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.actionledger.tooling.EventRows;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Proves that the generator writes what command-service writes: events the service stored are read back with the
 * generator's serializer and serialized again, and must come out byte for byte the same, with the same type,
 * revision, timestamp format and metadata keys. The run stops if not: figures over a history the real system
 * would never have made are worth nothing.
 */
final class SerializationCheck {

    /** The plan's registration: the system is the actor, with no display name. */
    static final Set<String> REGISTRATION_METADATA_KEYS = Set.of("actor", "correlationId", "commandId", "traceId");
    /** A user's change: the benchmark's tokens carry a display name, recorded beside the actor. */
    static final Set<String> CHANGE_METADATA_KEYS =
            Set.of("actor", "actorName", "correlationId", "commandId", "traceId");

    private SerializationCheck() {}

    /** Checks the registration and the latest event of one action that command-service wrote. */
    static void verify(BenchmarkDatabase database, String aggregateId) throws SQLException, IOException {
        EventRows rows = new EventRows();
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement("""
                     SELECT sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data
                     FROM event_store.domain_event_entry WHERE aggregate_identifier = ?
                     AND sequence_number IN (0, (SELECT max(sequence_number) FROM event_store.domain_event_entry
                                                  WHERE aggregate_identifier = ?))""")) {
            select.setString(1, aggregateId);
            select.setString(2, aggregateId);
            int checked = 0;
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    checkRow(
                            rows,
                            aggregateId + "#" + result.getLong(1),
                            result,
                            result.getLong(1) == 0 ? REGISTRATION_METADATA_KEYS : CHANGE_METADATA_KEYS);
                    checked++;
                }
            }
            if (checked < 2) {
                throw new IllegalStateException("Expected a registration and a change of " + aggregateId);
            }
        }
    }

    private static void checkRow(EventRows rows, String event, ResultSet result, Set<String> metadataKeys)
            throws SQLException, IOException {
        String type = result.getString("payload_type");
        String revision = result.getString("payload_revision");
        byte[] stored = result.getBytes("payload");
        Object payload =
                rows.serializer().deserialize(new SimpleSerializedObject<>(stored, byte[].class, type, revision));
        EventRows.Row regenerated = rows.row(
                "check", "check", 0, payload, Map.of(), DateTimeUtils.parseInstant(result.getString("time_stamp")));
        require(
                Arrays.equals(stored, regenerated.payload()),
                event,
                "payload differs:\n  service:   " + new String(stored) + "\n  generator: "
                        + new String(regenerated.payload()));
        require(
                type.equals(regenerated.payloadType()),
                event,
                "payload type " + type + " vs " + regenerated.payloadType());
        require(
                String.valueOf(revision).equals(String.valueOf(regenerated.payloadRevision())),
                event,
                "revision " + revision + " vs " + regenerated.payloadRevision());
        require(
                EventRows.AGGREGATE_TYPE.equals(result.getString("type")),
                event,
                "aggregate type " + result.getString("type"));
        require(
                result.getString("time_stamp").equals(regenerated.timestamp()),
                event,
                "timestamp format " + result.getString("time_stamp") + " vs " + regenerated.timestamp());
        JsonNode metadata = LedgerClient.JSON.readTree(result.getBytes("meta_data"));
        Set<String> keys = new TreeSet<>();
        metadata.fieldNames().forEachRemaining(keys::add);
        require(keys.equals(new TreeSet<>(metadataKeys)), event, "metadata keys " + keys + " vs " + metadataKeys);
    }

    private static void require(boolean condition, String event, String problem) {
        if (!condition) {
            throw new IllegalStateException(
                    "The generator does not write events as command-service does (" + event + "): " + problem);
        }
    }
}
