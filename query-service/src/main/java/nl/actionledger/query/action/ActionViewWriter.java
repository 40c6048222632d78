package nl.actionledger.query.action;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.actionledger.events.CommitmentLevel;
import org.hibernate.jpa.HibernateHints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Applies a batch of row changes: the rows of every action in the batch are read in one query and changed in memory,
 * then every row the batch touched is written back in one batched upsert. The rows are read without Hibernate's
 * change tracking, which cost more than the rest of this projection together.
 */
@Repository
class ActionViewWriter {

    private static final String UPSERT = """
            INSERT INTO query_model.action_view (aggregate_id, plan_id, action_id, eu_action_number, description,
                objective_number, objective_text, objective_inferred, priority_number, priority_title,
                commitment_national, commitment_eu, commitment_international, commitment_remark, timeframe_raw,
                timeframe_type, timeframe_from, timeframe_to, status, organisation, contact, version, last_changed_at,
                last_changed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (aggregate_id) DO UPDATE SET
                plan_id = excluded.plan_id, action_id = excluded.action_id,
                eu_action_number = excluded.eu_action_number, description = excluded.description,
                objective_number = excluded.objective_number, objective_text = excluded.objective_text,
                objective_inferred = excluded.objective_inferred, priority_number = excluded.priority_number,
                priority_title = excluded.priority_title, commitment_national = excluded.commitment_national,
                commitment_eu = excluded.commitment_eu, commitment_international = excluded.commitment_international,
                commitment_remark = excluded.commitment_remark, timeframe_raw = excluded.timeframe_raw,
                timeframe_type = excluded.timeframe_type, timeframe_from = excluded.timeframe_from,
                timeframe_to = excluded.timeframe_to, status = excluded.status, organisation = excluded.organisation,
                contact = excluded.contact, version = excluded.version, last_changed_at = excluded.last_changed_at,
                last_changed_by = excluded.last_changed_by""";

    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    ActionViewWriter(EntityManager entityManager, JdbcTemplate jdbc) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    void write(List<RowChange> changes) {
        List<String> aggregateIds = changes.stream().map(change -> change.action().toString()).distinct().toList();
        Map<String, CurrentAction> current = new HashMap<>();
        entityManager.createQuery("SELECT a FROM CurrentAction a WHERE a.aggregateId IN :ids", CurrentAction.class)
                .setParameter("ids", aggregateIds)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList()
                .forEach(row -> current.put(row.aggregateId(), row));
        jdbc.batchUpdate(UPSERT, apply(changes, current).stream().map(ActionViewWriter::columns).toList());
    }

    void clear() {
        jdbc.update("TRUNCATE query_model.action_view");
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
                row = new CurrentAction(aggregateId, change.action().planId(), change.action().actionId());
                rows.put(aggregateId, row);
            } else if (row == null) {
                throw new IllegalStateException("Event " + change.sequenceNumber() + " of " + aggregateId
                        + " arrived before its registration");
            } else if (row.alreadyReflects(change.sequenceNumber())) {
                continue;
            }
            change.change().accept(row);
            row.recordChange(change.sequenceNumber(), change.at(), change.actor());
            touched.add(row);
        }
        return touched;
    }

    private static Object[] columns(CurrentAction row) {
        Set<CommitmentLevel> levels = row.commitmentLevels();
        return new Object[] {row.aggregateId(), row.planId(), row.actionId(), row.euActionNumber(), row.description(),
                row.objectiveNumber(), row.objectiveText(), row.objectiveInferred(), row.priorityNumber(),
                row.priorityTitle(), levels.contains(CommitmentLevel.NATIONAL), levels.contains(CommitmentLevel.EU),
                levels.contains(CommitmentLevel.INTERNATIONAL), row.commitmentRemark(), row.timeframeRaw(),
                row.timeframeType() == null ? null : row.timeframeType().name(), row.timeframeFrom(), row.timeframeTo(),
                row.status() == null ? null : row.status().name(), row.organisation(), row.contact(), row.version(),
                row.lastChangedAt() == null ? null : Timestamp.from(row.lastChangedAt()), row.lastChangedBy()};
    }
}
