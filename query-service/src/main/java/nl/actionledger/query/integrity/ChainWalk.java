package nl.actionledger.query.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.actionledger.query.integrity.ChainVerification.BrokenChain;
import nl.actionledger.query.integrity.ChainVerification.CheckpointSummary;
import nl.actionledger.query.integrity.Checkpoints.ChainHead;

/**
 * What a verification knows between its passes: the verified head of every chain, the chains found broken (with their
 * first problem), and how far in the global index it has read. Events are fed in global-index order, in as many
 * passes as it takes; each is checked against its chain's head: the next sequence number, a hash that matches its
 * content and the hash before it, and the checkpoint's hash where the checkpoint recorded a head.
 * <p>
 * A transaction may commit an event below a position already read (global indexes are handed out before commit).
 * Such a position is remembered as a gap and looked at again in the next passes, and a chain whose next event
 * seems missing is asked for it before the event is reported missing: an event cannot be appended before the one it
 * chains to has committed, so a late one is there by then. A gap still empty after {@link #GAP_TIMEOUT} was a
 * transaction that rolled back.
 * <p>
 * Not thread-safe: one pass at a time.
 */
final class ChainWalk {

    static final Duration GAP_TIMEOUT = Duration.ofMinutes(10);
    /** Beyond this many open gaps (a burst of rollbacks) new ones are not remembered; the next full pass covers them. */
    static final int MAX_GAPS = 100_000;

    /** An event as stored, with the columns its hash covers. */
    record StoredEvent(
            long position,
            String aggregateId,
            long sequenceNumber,
            String type,
            String timeStamp,
            String payloadType,
            String actor,
            Instant insertedAt,
            String insertedBy,
            byte[] payload,
            byte[] hash) {}

    /** Where a chain's events between two sequence numbers are read from, when one seems to be missing. */
    interface Lookup {
        /** The chain's events from {@code fromSequence} (inclusive) to {@code toSequence} (exclusive), in order. */
        List<StoredEvent> between(String aggregateId, long fromSequence, long toSequence);
    }

    private final Map<String, ChainHead> heads = new HashMap<>();
    private final Map<String, BrokenChain> broken = new TreeMap<>();
    private final Set<String> chains = new HashSet<>();
    private final Map<Long, Instant> gaps = new HashMap<>();
    private long events;
    private long position;
    private CheckpointSummary checkpoint;
    private Map<String, ChainHead> checkpointHeads = Map.of();

    /** Compares the events to come with this checkpoint's heads (and, at {@link #finishFullPass}, every chain). */
    void useCheckpoint(CheckpointSummary summary, Map<String, ChainHead> heads) {
        this.checkpoint = summary;
        this.checkpointHeads = Map.copyOf(heads);
    }

    CheckpointSummary checkpoint() {
        return checkpoint;
    }

    long position() {
        return position;
    }

    List<Long> gaps() {
        return gaps.keySet().stream().sorted().toList();
    }

    /** Forgets gaps no transaction can still fill. */
    void expireGaps(Instant now) {
        gaps.values().removeIf(missedSince -> missedSince.plus(GAP_TIMEOUT).isBefore(now));
    }

    /** An event above the position read so far; the positions skipped on the way become gaps. */
    void next(StoredEvent event, Lookup lookup, Instant now) {
        for (long missing = position + 1; missing < event.position() && gaps.size() < MAX_GAPS; missing++) {
            gaps.put(missing, now);
        }
        // Accepted before the position moves past it: if reading its chain's earlier events fails, the next pass reads
        // this event again instead of leaving it unchecked until the next full pass.
        accept(event, lookup);
        position = Math.max(position, event.position());
    }

    /** An event found at a position that was a gap. */
    void late(StoredEvent event, Lookup lookup) {
        if (gaps.remove(event.position()) != null) {
            accept(event, lookup);
        }
    }

    private void accept(StoredEvent event, Lookup lookup) {
        String chain = event.aggregateId();
        chains.add(chain);
        if (!broken.containsKey(chain)) {
            long expected = expected(chain);
            if (event.sequenceNumber() > expected) {
                // Each one lies below this event's position (it committed before this one was appended), at a gap.
                for (StoredEvent earlier : lookup.between(chain, expected, event.sequenceNumber())) {
                    gaps.remove(earlier.position());
                    check(earlier);
                }
            }
        }
        check(event);
    }

    private long expected(String chain) {
        ChainHead head = heads.get(chain);
        return head == null ? 0 : head.sequenceNumber() + 1;
    }

    private void check(StoredEvent event) {
        events++;
        String chain = event.aggregateId();
        if (broken.containsKey(chain)) {
            return;
        }
        long expected = expected(chain);
        long sequence = event.sequenceNumber();
        if (sequence != expected) {
            fail(
                    chain,
                    expected,
                    null,
                    sequence < expected
                            ? "event " + sequence + " appears twice"
                            : "event " + expected + " is missing (the next one is " + sequence + ")");
            return;
        }
        ChainHead head = heads.get(chain);
        byte[] computed = EventHashes.hash(
                head == null ? null : head.hash(),
                event.type(),
                chain,
                sequence,
                event.timeStamp(),
                event.payloadType(),
                event.actor(),
                event.insertedAt(),
                event.insertedBy(),
                event.payload());
        if (!Arrays.equals(computed, event.hash())) {
            fail(
                    chain,
                    sequence,
                    event.position(),
                    "its stored hash does not match its content and the hash of the event before it");
            return;
        }
        ChainHead atCheckpoint = checkpointHeads.get(chain);
        if (atCheckpoint != null
                && atCheckpoint.sequenceNumber() == sequence
                && !Arrays.equals(atCheckpoint.hash(), event.hash())) {
            fail(
                    chain,
                    sequence,
                    event.position(),
                    "it differs from the event the last checkpoint recorded at this place");
            return;
        }
        heads.put(chain, new ChainHead(sequence, event.hash()));
    }

    /**
     * After a pass over every event: a chain the checkpoint recorded further than it now reaches was truncated, one it
     * recorded that has no events at all was removed.
     */
    void finishFullPass() {
        checkpointHeads.forEach((chain, atCheckpoint) -> {
            if (broken.containsKey(chain)) {
                return;
            }
            ChainHead head = heads.get(chain);
            if (head == null) {
                fail(
                        chain,
                        0,
                        null,
                        "all events are gone; the last checkpoint recorded the chain up to event "
                                + atCheckpoint.sequenceNumber());
            } else if (head.sequenceNumber() < atCheckpoint.sequenceNumber()) {
                fail(
                        chain,
                        head.sequenceNumber() + 1,
                        null,
                        "the chain ends at event " + head.sequenceNumber()
                                + " but the last checkpoint recorded it up to event " + atCheckpoint.sequenceNumber());
            }
        });
    }

    private void fail(String chain, long sequence, Long at, String why) {
        broken.put(chain, new BrokenChain(chain, sequence, at, why));
    }

    long events() {
        return events;
    }

    long chains() {
        return chains.size()
                + broken.keySet().stream()
                        .filter(chain -> !chains.contains(chain))
                        .count();
    }

    List<BrokenChain> broken() {
        return List.copyOf(broken.values());
    }
}
