package nl.actionledger.query.integrity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.actionledger.query.integrity.ChainVerification.CheckpointSummary;
import nl.actionledger.query.integrity.ChainWalk.StoredEvent;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads events for a {@link ChainWalk} in global-index order, a chunk at a time, each chunk its own short query: a pass
 * over a million events takes seconds, and holding one of the pool's connections (or a transaction) that long would
 * starve the requests and the projections that share the pool. No chunk is locked or kept open between queries.
 */
@Component
class ChainVerifier {

    static final int CHUNK = 5_000;
    private static final String COLUMNS = """
            global_index, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
            coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'actor', '') AS actor, inserted_at, inserted_by, payload,
            event_hash""";
    private static final RowMapper<StoredEvent> EVENT = (rs, row) -> new StoredEvent(
            rs.getLong("global_index"),
            rs.getString("aggregate_identifier"),
            rs.getLong("sequence_number"),
            rs.getString("type"),
            rs.getString("time_stamp"),
            rs.getString("payload_type"),
            rs.getString("actor"),
            instantOrNull(rs.getTimestamp("inserted_at")),
            rs.getString("inserted_by"),
            rs.getBytes("payload"),
            rs.getBytes("event_hash"));

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;
    private final Clock clock;

    ChainVerifier(JdbcClient jdbc, Checkpoints checkpoints, Clock clock) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** Every event from the first, every chain compared with the last checkpoint. */
    ChainWalk full() {
        ChainWalk walk = new ChainWalk();
        useLastCheckpoint(walk);
        long until = head();
        readUpTo(walk, until);
        walk.finishFullPass();
        return walk;
    }

    /** The events appended since the walk's last pass, and those committed late below it. */
    void continueWith(ChainWalk walk) {
        useLastCheckpoint(walk);
        long until = head();
        List<Long> gaps = walk.gaps();
        if (!gaps.isEmpty()) {
            jdbc.sql("SELECT " + COLUMNS + " FROM event_store.domain_event_entry WHERE global_index = ANY(?) "
                            + "ORDER BY global_index")
                    .param(gaps.toArray(Long[]::new))
                    .query(EVENT)
                    .list()
                    .forEach(event -> walk.late(event, this::between));
        }
        walk.expireGaps(clock.instant());
        readUpTo(walk, until);
    }

    private void useLastCheckpoint(ChainWalk walk) {
        Optional<CheckpointSummary> last = checkpoints.last();
        if (last.isPresent()
                && (walk.checkpoint() == null
                        || walk.checkpoint().id() != last.get().id())) {
            walk.useCheckpoint(last.get(), checkpoints.headsAt(last.get().id()));
        }
    }

    /** Up to the head as it was when the pass began, so that a pass ends even while events keep coming. */
    private void readUpTo(ChainWalk walk, long until) {
        while (walk.position() < until) {
            List<StoredEvent> chunk = jdbc.sql("SELECT " + COLUMNS + " FROM event_store.domain_event_entry "
                            + "WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?")
                    .param(walk.position())
                    .param(until)
                    .param(CHUNK)
                    .query(EVENT)
                    .list();
            if (chunk.isEmpty()) {
                return;
            }
            chunk.forEach(event -> walk.next(event, this::between, clock.instant()));
        }
    }

    private List<StoredEvent> between(String aggregateId, long fromSequence, long toSequence) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND sequence_number >= ? AND sequence_number < ? ORDER BY sequence_number")
                .param(aggregateId)
                .param(fromSequence)
                .param(toSequence)
                .query(EVENT)
                .list();
    }

    private long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")
                .query(Long.class)
                .single();
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
