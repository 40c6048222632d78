package nl.actionledger.query.rebuild;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A rebuild of every projection: every event up to the head of the event table when it began, read the way the
 * processor reads (a position passed without an event is a gap, read again with each page until its event comes or it
 * is too far behind), and tokens the processor would hold had it handled those events itself. It is not a replay
 * once it is written: nothing is left that a projection reflected before.
 */
final class WholeHistory implements RebuildScope {

    /** Axon's default for its storage engine: a gap this far behind the position is taken as never to be filled. */
    static final int MAX_GAP_OFFSET = 10_000;

    private final long first;
    private final long head;
    private final NavigableSet<Long> missing = new TreeSet<>();

    /**
     * @param first the lowest position in the event table
     * @param head  the highest position in the event table
     */
    WholeHistory(long first, long head) {
        this.first = first;
        this.head = head;
    }

    @Override
    public long start() {
        return first - 1;
    }

    @Override
    public long upTo() {
        return head;
    }

    @Override
    public Collection<Long> missing() {
        return List.copyOf(missing);
    }

    @Override
    public long passed(long after, long[] positions) {
        long last = after;
        for (long position : positions) {
            if (position <= after) {
                missing.remove(position);
                continue;
            }
            for (long gap = last + 1; gap < position; gap++) {
                missing.add(gap);
            }
            last = position;
        }
        missing.headSet(last - MAX_GAP_OFFSET, true).clear();
        return last;
    }

    @Override
    public boolean includes(StoredEvent event) {
        return true;
    }

    @Override
    public TrackingToken tokenAt(Segment segment, long position) {
        return GapAwareTrackingToken.newInstance(position, new ArrayList<>(missing.headSet(position, false)));
    }
}
