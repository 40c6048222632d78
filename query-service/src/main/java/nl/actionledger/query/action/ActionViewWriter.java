package nl.actionledger.query.action;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of row changes: the rows of every action in the batch are read in one query and changed in memory,
 * then every row the batch touched is written back in one batched upsert.
 */
@Component
class ActionViewWriter {

    private final CurrentActions rows;

    ActionViewWriter(CurrentActions rows) {
        this.rows = rows;
    }

    void write(List<RowChange> changes) {
        Map<String, CurrentAction> current = rows.byAggregateId(changes.stream()
                .map(change -> change.action().toString())
                .distinct()
                .toList());
        rows.upsert(apply(changes, current));
    }

    void clear() {
        rows.clear();
    }

    /**
     * Applies the changes, in order, to the rows by aggregate id. Idempotent: a change whose sequence number a row
     * already reflects, or a registration of a row that exists, is skipped.
     *
     * @return the rows the batch registered or changed
     */
    static Set<CurrentAction> apply(List<RowChange> changes, Map<String, CurrentAction> rows) {
        Set<CurrentAction> touched = new LinkedHashSet<>();
        for (RowChange change : changes) {
            String aggregateId = change.action().toString();
            CurrentAction row = rows.get(aggregateId);
            if (change.registers()) {
                if (row != null) {
                    continue;
                }
                row = new CurrentAction(
                        aggregateId, change.action().planId(), change.action().actionId());
                rows.put(aggregateId, row);
            } else if (row == null) {
                throw new IllegalStateException(
                        "Event " + change.sequenceNumber() + " of " + aggregateId + " arrived before its registration");
            } else if (row.alreadyReflects(change.sequenceNumber())) {
                continue;
            }
            change.change().accept(row);
            row.recordChange(change.sequenceNumber(), change.at(), change.actor());
            touched.add(row);
        }
        return touched;
    }
}
