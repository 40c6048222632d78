package nl.actionledger.query.integrity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.actionledger.query.integrity.ChainVerification.CheckpointSummary;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The checkpoints command-service records: a digest over the heads of all chains, and the heads themselves. */
@Repository
class Checkpoints {

    private final JdbcClient jdbc;

    Checkpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CheckpointSummary> last() {
        return jdbc.sql("""
                        SELECT id, recorded_at, position, chains, events, encode(digest, 'hex') AS digest
                        FROM event_store.chain_checkpoint ORDER BY id DESC LIMIT 1""")
                .query((rs, row) -> new CheckpointSummary(
                        rs.getLong("id"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getLong("position"),
                        rs.getInt("chains"),
                        rs.getLong("events"),
                        rs.getString("digest")))
                .optional();
    }

    /** The head of every chain as of a checkpoint: checkpoints store only the heads that moved since the previous. */
    Map<String, ChainHead> headsAt(long checkpointId) {
        Map<String, ChainHead> heads = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number, event_hash
                        FROM event_store.chain_checkpoint_head WHERE checkpoint_id <= ?
                        ORDER BY aggregate_identifier, checkpoint_id DESC""").param(checkpointId).query((RowCallbackHandler)
                rs -> heads.put(rs.getString(1), new ChainHead(rs.getLong(2), rs.getBytes(3))));
        return heads;
    }

    /** The last event of a chain: its sequence number and stored hash. */
    record ChainHead(long sequenceNumber, byte[] hash) {}
}
