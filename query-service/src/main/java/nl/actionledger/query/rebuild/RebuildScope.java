package nl.actionledger.query.rebuild;

import java.util.Collection;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Which events a bulk rebuild loads, and the processor's tokens once it has loaded them up to a position: tokens the
 * processor can carry on from, should the rebuild stop there.
 */
interface RebuildScope {

    /** The position the first page is read after. */
    long start();

    /** The last position the rebuild loads. */
    long upTo();

    /** Positions passed without an event whose transaction may still commit: read again with every page. */
    Collection<Long> missing();

    /**
     * Notes the rows a page read after {@code after}.
     *
     * @param positions the rows' positions, in order: above {@code after}, or missing before
     * @return the position the next page is read after
     */
    long passed(long after, long[] positions);

    boolean includes(StoredEvent event);

    /** The segment's token once every event up to {@code position} that the rebuild includes is written. */
    TrackingToken tokenAt(Segment segment, long position);
}
