package nl.actionledger.query.integrity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads events straight from the event table, hashes included, for {@code /api/audit/export}. */
@Service
class AuditExporter {

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;

    AuditExporter(JdbcClient jdbc, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /** @param from inclusive; {@code to} exclusive; any of the filters may be absent */
    @Transactional(readOnly = true)
    AuditExport export(Instant from, Instant to, String actor, int page, int size) {
        List<AuditExport.Event> events = jdbc.sql("""
                        SELECT * FROM (
                            SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                                   e.time_stamp, e.payload_type, e.payload, e.event_hash,
                                   coalesce(convert_from(e.meta_data, 'UTF8')::jsonb ->> 'actor', '') AS actor,
                                   e.time_stamp::timestamptz AS recorded_at,
                                   (SELECT p.event_hash FROM event_store.domain_event_entry p
                                     WHERE p.aggregate_identifier = e.aggregate_identifier
                                       AND p.sequence_number = e.sequence_number - 1) AS previous_hash
                            FROM event_store.domain_event_entry e) events
                        WHERE (CAST(:from AS timestamptz) IS NULL OR recorded_at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR recorded_at < :to)
                          AND (CAST(:actor AS text) IS NULL OR actor = :actor)
                        ORDER BY global_index
                        LIMIT :size OFFSET :offset""")
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .param("actor", actor)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new AuditExport.Event(rs.getLong("global_index"), rs.getString("event_identifier"),
                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                        rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("actor"),
                        Base64.getEncoder().encodeToString(rs.getBytes("payload")),
                        EventHashes.hex(rs.getBytes("previous_hash")), EventHashes.hex(rs.getBytes("event_hash")),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
        return new AuditExport(AuditExport.ALGORITHM, checkpoints.last().orElse(null), page, size, events);
    }
}
