package nl.actionledger.query.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.actionledger.query.integrity.ChainVerification.BrokenChain;
import nl.actionledger.query.integrity.ChainVerification.CheckpointSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every hash chain from the stored events, in one pass ordered by action and sequence number, and
 * compares the chains' heads with the last checkpoint. Finds edited payloads or metadata (the hash no longer
 * matches), removed or reordered events (a gap, or a link that no longer matches), and truncated or removed
 * chains (shorter than, or absent from, the checkpoint).
 */
@Service
public class ChainVerifier {

    private final JdbcTemplate streaming;

    ChainVerifier(DataSource dataSource) {
        this.streaming = new JdbcTemplate(dataSource);
        // A cursor, not the whole event table in memory at once.
        this.streaming.setFetchSize(500);
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        // One pass over every event may take longer than the service's usual statement timeout.
        streaming.execute("SET LOCAL statement_timeout = '10min'");
        Optional<CheckpointSummary> checkpoint = lastCheckpoint();
        Map<String, Head> checkpointHeads = checkpoint.map(last -> headsAt(last.id())).orElse(Map.of());
        ChainWalker walker = new ChainWalker(checkpointHeads);
        streaming.query("""
                SELECT global_index, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                       coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'actor', '') AS actor, payload, event_hash
                FROM event_store.domain_event_entry ORDER BY aggregate_identifier, sequence_number""", walker);
        walker.finish();
        List<BrokenChain> broken = walker.broken;
        return new ChainVerification(broken.isEmpty() ? ChainVerification.Status.OK : ChainVerification.Status.BROKEN,
                walker.chains, walker.events, checkpoint.orElse(null), List.copyOf(broken));
    }

    Optional<CheckpointSummary> lastCheckpoint() {
        return streaming.query("""
                        SELECT id, recorded_at, position, chains, events, encode(digest, 'hex') AS digest
                        FROM event_store.chain_checkpoint ORDER BY id DESC LIMIT 1""",
                (rs, row) -> new CheckpointSummary(rs.getLong("id"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getLong("position"), rs.getInt("chains"), rs.getLong("events"), rs.getString("digest")))
                .stream().findFirst();
    }

    /** The head of every chain as of a checkpoint: checkpoints store only the heads that moved since the previous. */
    private Map<String, Head> headsAt(long checkpointId) {
        Map<String, Head> heads = new HashMap<>();
        streaming.query("""
                        SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number, event_hash
                        FROM event_store.chain_checkpoint_head WHERE checkpoint_id <= ?
                        ORDER BY aggregate_identifier, checkpoint_id DESC""",
                (RowCallbackHandler) rs -> heads.put(rs.getString(1), new Head(rs.getLong(2), rs.getBytes(3))),
                checkpointId);
        return heads;
    }

    private record Head(long sequenceNumber, byte[] hash) {
    }

    /** Walks the events chain by chain, remembering the first problem of each. */
    private static final class ChainWalker implements RowCallbackHandler {

        private final Map<String, Head> checkpointHeads;
        private final List<BrokenChain> broken = new ArrayList<>();
        private final java.util.Set<String> seen = new java.util.HashSet<>();
        private long chains;
        private long events;
        private String chain;
        private long expectedSequence;
        private byte[] previousHash;
        private boolean chainBroken;

        ChainWalker(Map<String, Head> checkpointHeads) {
            this.checkpointHeads = checkpointHeads;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            String aggregateId = rs.getString("aggregate_identifier");
            if (!aggregateId.equals(chain)) {
                finishChain();
                chain = aggregateId;
                seen.add(aggregateId);
                chains++;
                expectedSequence = 0;
                previousHash = null;
                chainBroken = false;
            }
            events++;
            long sequence = rs.getLong("sequence_number");
            long position = rs.getLong("global_index");
            byte[] stored = rs.getBytes("event_hash");
            if (chainBroken) {
                return;
            }
            if (sequence != expectedSequence) {
                fail(expectedSequence, null, sequence < expectedSequence ? "event " + sequence + " appears twice"
                        : "event " + expectedSequence + " is missing (the next one is " + sequence + ")");
                return;
            }
            byte[] computed = EventHashes.hash(previousHash, rs.getString("type"), aggregateId, sequence,
                    rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("actor"),
                    rs.getBytes("payload"));
            if (!Arrays.equals(computed, stored)) {
                fail(sequence, position, "its stored hash does not match its content and the hash of the event before it");
                return;
            }
            Head atCheckpoint = checkpointHeads.get(aggregateId);
            if (atCheckpoint != null && atCheckpoint.sequenceNumber() == sequence && !Arrays.equals(atCheckpoint.hash(), stored)) {
                fail(sequence, position, "it differs from the event the last checkpoint recorded at this place");
                return;
            }
            previousHash = stored;
            expectedSequence = sequence + 1;
        }

        private void finishChain() {
            if (chain == null || chainBroken) {
                return;
            }
            Head atCheckpoint = checkpointHeads.get(chain);
            if (atCheckpoint != null && expectedSequence <= atCheckpoint.sequenceNumber()) {
                fail(expectedSequence, null, "the chain ends at event " + (expectedSequence - 1)
                        + " but the last checkpoint recorded it up to event " + atCheckpoint.sequenceNumber());
            }
        }

        void finish() {
            finishChain();
            checkpointHeads.forEach((aggregateId, head) -> {
                if (!seen.contains(aggregateId)) {
                    broken.add(new BrokenChain(aggregateId, 0, null, "all events are gone; the last checkpoint "
                            + "recorded the chain up to event " + head.sequenceNumber()));
                }
            });
            broken.sort(java.util.Comparator.comparing(BrokenChain::aggregateId));
        }

        private void fail(long sequence, Long position, String why) {
            chainBroken = true;
            broken.add(new BrokenChain(chain, sequence, position, why));
        }
    }
}
