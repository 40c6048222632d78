package nl.actionledger.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.actionledger.query.integrity.ChainVerification.BrokenChain;
import nl.actionledger.query.integrity.ChainVerification.CheckpointSummary;
import nl.actionledger.query.integrity.ChainWalk.StoredEvent;
import nl.actionledger.query.integrity.Checkpoints.ChainHead;
import org.junit.jupiter.api.Test;

/** The checks of one chain at a time, fed event by event as the passes read them. */
class ChainWalkTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final ChainWalk.Lookup NOTHING_MISSING = (chain, from, to) -> List.of();

    private final ChainWalk walk = new ChainWalk();

    @Test
    void acceptsIntactChainsInterleaved() {
        List<StoredEvent> a = chain("a", 3, 1);
        List<StoredEvent> b = chain("b", 2, 2);
        for (StoredEvent event : List.of(a.get(0), b.get(0), a.get(1), b.get(1), a.get(2))) {
            walk.next(event, NOTHING_MISSING, NOW);
        }

        assertThat(walk.broken()).isEmpty();
        assertThat(walk.events()).isEqualTo(5);
        assertThat(walk.chains()).isEqualTo(2);
    }

    @Test
    void namesAnEditedEventAndStopsCheckingItsChain() {
        List<StoredEvent> a = chain("a", 3, 1);
        StoredEvent edited = withPayload(a.get(1), "{\"reason\":\"nothing happened\"}");

        feed(a.get(0), edited, a.get(2));

        assertThat(walk.broken())
                .containsExactly(new BrokenChain(
                        "a",
                        1,
                        edited.position(),
                        "its stored hash does not match its content and the hash of the event before it"));
    }

    /** The insertion's time and login are inside the hash: an event claimed for another login is named. */
    @Test
    void namesAnEventWhoseInsertionWasEdited() {
        List<StoredEvent> a = chain("a", 3, 1);
        StoredEvent edited = insertedBy(a.get(1), "ledger_owner");

        feed(a.get(0), edited, a.get(2));

        assertThat(EventHashes.insertedAt(a.get(1).insertedAt())).isEqualTo("2026-06-01T12:00:02.001234Z");
        assertThat(walk.broken())
                .containsExactly(new BrokenChain(
                        "a",
                        1,
                        edited.position(),
                        "its stored hash does not match its content and the hash of the event before it"));
    }

    @Test
    void namesAMissingEventOnlyWhenItIsReallyNotThere() {
        List<StoredEvent> a = chain("a", 3, 1);
        feed(a.get(0), a.get(2));

        assertThat(walk.broken())
                .extracting(BrokenChain::why)
                .containsExactly("event 1 is missing (the next one is 2)");
    }

    @Test
    void aLateCommitBelowThePositionReadIsCheckedNotReportedMissing() {
        // a's event 1 holds position 2 but commits after position 3 (b's) was read.
        StoredEvent a0 = event("a", 0, 1, null);
        StoredEvent a1 = event("a", 1, 2, a0.hash());
        StoredEvent b0 = event("b", 0, 3, null);
        StoredEvent a2 = event("a", 2, 4, a1.hash());
        walk.next(a0, NOTHING_MISSING, NOW);
        walk.next(b0, NOTHING_MISSING, NOW);
        assertThat(walk.gaps()).containsExactly(2L);

        walk.next(a2, (chain, from, to) -> chain.equals("a") && from == 1 && to == 2 ? List.of(a1) : List.of(), NOW);

        assertThat(walk.broken()).isEmpty();
        assertThat(walk.events()).isEqualTo(4);
        assertThat(walk.gaps()).isEmpty();
    }

    /** A pass that fails while reading an event's chain leaves the event for the next pass, not behind it. */
    @Test
    void anEventWhoseChainCouldNotBeReadIsReadAgain() {
        StoredEvent a0 = event("a", 0, 1, null);
        StoredEvent a1 = event("a", 1, 2, a0.hash());
        StoredEvent b0 = event("b", 0, 3, null);
        StoredEvent a2 = event("a", 2, 4, a1.hash());
        walk.next(a0, NOTHING_MISSING, NOW);
        walk.next(b0, NOTHING_MISSING, NOW);
        try {
            walk.next(
                    a2,
                    (chain, from, to) -> {
                        throw new IllegalStateException("connection lost");
                    },
                    NOW);
        } catch (IllegalStateException expected) {
            // the pass fails here; the next one starts after the position read so far
        }
        assertThat(walk.position()).isEqualTo(3);

        walk.next(a2, (chain, from, to) -> chain.equals("a") && from == 1 && to == 2 ? List.of(a1) : List.of(), NOW);

        assertThat(walk.broken()).isEmpty();
        assertThat(walk.events()).isEqualTo(4);
    }

    @Test
    void aGapFilledLaterIsVerifiedOnceAndForgottenAfterTheTimeout() {
        StoredEvent a0 = event("a", 0, 1, null);
        StoredEvent b0 = event("b", 0, 2, null);
        StoredEvent c0 = event("c", 0, 4, null);
        StoredEvent d0 = event("d", 0, 6, null);
        feed(a0, b0, c0, d0);
        assertThat(walk.gaps()).containsExactly(3L, 5L);

        StoredEvent lateEdited = withPayload(event("e", 0, 3, null), "{\"edited\":true}");
        walk.late(lateEdited, NOTHING_MISSING);
        walk.late(lateEdited, NOTHING_MISSING);
        walk.expireGaps(NOW.plus(ChainWalk.GAP_TIMEOUT).plusSeconds(1));

        assertThat(walk.events()).isEqualTo(5);
        assertThat(walk.broken()).extracting(BrokenChain::aggregateId).containsExactly("e");
        assertThat(walk.gaps()).isEmpty();
    }

    @Test
    void comparesWithTheCheckpointAtTheEndOfAFullPass() {
        List<StoredEvent> truncated = chain("truncated", 2, 1);
        List<StoredEvent> intact = chain("intact", 2, 3);
        List<StoredEvent> rewritten = chain("rewritten", 2, 5);
        walk.useCheckpoint(
                new CheckpointSummary(1, NOW, 6, 4, 8, "digest"),
                Map.of(
                        "truncated", new ChainHead(2, new byte[32]),
                        "intact", new ChainHead(1, intact.get(1).hash()),
                        "rewritten", new ChainHead(1, new byte[32]),
                        "removed", new ChainHead(0, new byte[32])));
        List<StoredEvent> all = new ArrayList<>(truncated);
        all.addAll(intact);
        all.addAll(rewritten);
        all.forEach(event -> walk.next(event, NOTHING_MISSING, NOW));

        walk.finishFullPass();

        assertThat(walk.broken())
                .extracting(BrokenChain::aggregateId, BrokenChain::firstBadSequence)
                .containsExactly(tuple("removed", 0L), tuple("rewritten", 1L), tuple("truncated", 2L));
        assertThat(walk.chains()).isEqualTo(4);
    }

    private void feed(StoredEvent... events) {
        for (StoredEvent event : events) {
            walk.next(event, NOTHING_MISSING, NOW);
        }
    }

    /** A valid chain of {@code length} events at consecutive positions from {@code firstPosition}. */
    private static List<StoredEvent> chain(String id, int length, long firstPosition) {
        List<StoredEvent> events = new ArrayList<>();
        byte[] previous = null;
        for (int sequence = 0; sequence < length; sequence++) {
            StoredEvent event = event(id, sequence, firstPosition + sequence, previous);
            events.add(event);
            previous = event.hash();
        }
        return events;
    }

    /** The first event of a chain as appended before insertions were recorded, the others with their insertion. */
    private static StoredEvent event(String id, long sequence, long position, byte[] previous) {
        byte[] payload = ("{\"change\":" + sequence + "}").getBytes(StandardCharsets.UTF_8);
        String timeStamp = NOW.plusSeconds(position).toString();
        Instant insertedAt = sequence == 0 ? null : NOW.plusSeconds(position).plusNanos(1_234_000);
        String insertedBy = sequence == 0 ? null : "ledger_app";
        return new StoredEvent(
                position,
                id,
                sequence,
                "Action",
                timeStamp,
                "StatusChanged",
                "alice",
                insertedAt,
                insertedBy,
                payload,
                EventHashes.hash(
                        previous,
                        "Action",
                        id,
                        sequence,
                        timeStamp,
                        "StatusChanged",
                        "alice",
                        insertedAt,
                        insertedBy,
                        payload));
    }

    private static StoredEvent withPayload(StoredEvent event, String payload) {
        return new StoredEvent(
                event.position(),
                event.aggregateId(),
                event.sequenceNumber(),
                event.type(),
                event.timeStamp(),
                event.payloadType(),
                event.actor(),
                event.insertedAt(),
                event.insertedBy(),
                payload.getBytes(StandardCharsets.UTF_8),
                event.hash());
    }

    private static StoredEvent insertedBy(StoredEvent event, String login) {
        return new StoredEvent(
                event.position(),
                event.aggregateId(),
                event.sequenceNumber(),
                event.type(),
                event.timeStamp(),
                event.payloadType(),
                event.actor(),
                event.insertedAt(),
                login,
                event.payload(),
                event.hash());
    }
}
