package nl.actionledger.events;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The Dutch commitment to an action: one or more levels, and the remark the source table adds, if any
 * (for example {@code Bestaande praktijk}). Levels are kept sorted so that the same commitment always
 * serializes to the same bytes.
 */
public record Commitment(SortedSet<CommitmentLevel> levels, String remark) {

    public Commitment {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("a commitment has at least one level");
        }
        levels = Collections.unmodifiableSortedSet(new TreeSet<>(levels));
    }
}
