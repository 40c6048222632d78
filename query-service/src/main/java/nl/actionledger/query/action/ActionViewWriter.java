package nl.actionledger.query.action;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/**
 * Applies a batch of row changes: the rows of every action in the batch are loaded in one query and changed in
 * memory; Hibernate writes them in JDBC batches when the batch's transaction commits.
 */
@Repository
class ActionViewWriter {

    private final CurrentActionRepository rows;
    private final EntityManager entityManager;

    ActionViewWriter(CurrentActionRepository rows, EntityManager entityManager) {
        this.rows = rows;
        this.entityManager = entityManager;
    }

    void write(List<RowChange> changes) {
        Map<String, CurrentAction> current = new HashMap<>();
        rows.findAllById(changes.stream().map(change -> change.action().toString()).distinct().toList())
                .forEach(row -> current.put(row.aggregateId(), row));
        apply(changes, current).forEach(entityManager::persist);
    }

    void clear() {
        rows.deleteAllInBatch();
    }

    /**
     * Applies the changes, in order, to the rows by aggregate id. Idempotent: a change whose sequence number a row
     * already reflects, or a registration of a row that exists, is skipped.
     *
     * @return the rows the batch registered, which are not in the table yet
     */
    static List<CurrentAction> apply(List<RowChange> changes, Map<String, CurrentAction> rows) {
        List<CurrentAction> registered = new ArrayList<>();
        for (RowChange change : changes) {
            String aggregateId = change.action().toString();
            CurrentAction row = rows.get(aggregateId);
            if (change.registers()) {
                if (row != null) {
                    continue;
                }
                row = new CurrentAction(aggregateId, change.action().planId(), change.action().actionId());
                rows.put(aggregateId, row);
                registered.add(row);
            } else if (row == null) {
                throw new IllegalStateException("Event " + change.sequenceNumber() + " of " + aggregateId
                        + " arrived before its registration");
            } else if (row.alreadyReflects(change.sequenceNumber())) {
                continue;
            }
            change.change().accept(row);
            row.recordChange(change.sequenceNumber(), change.at(), change.actor());
        }
        return registered;
    }
}
