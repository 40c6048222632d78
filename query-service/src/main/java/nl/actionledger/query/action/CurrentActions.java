package nl.actionledger.query.action;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.actionledger.events.CommitmentLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code action_view} table. Plain SQL through {@link JdbcClient}, as every read model here; the upsert of a batch
 * goes through {@link JdbcTemplate#batchUpdate}, because JdbcClient has no batches.
 */
@Repository
class CurrentActions {

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

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    CurrentActions(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.batches = jdbcTemplate;
    }

    /** The stored rows of these actions, by aggregate id. */
    Map<String, CurrentAction> byAggregateId(Collection<String> aggregateIds) {
        Map<String, CurrentAction> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM query_model.action_view WHERE aggregate_id = ANY(?)")
                .param(aggregateIds.toArray(String[]::new))
                .query(CurrentAction::read)
                .list()
                .forEach(row -> rows.put(row.aggregateId(), row));
        return rows;
    }

    Optional<CurrentAction> find(String aggregateId) {
        return jdbc.sql("SELECT * FROM query_model.action_view WHERE aggregate_id = ?")
                .param(aggregateId)
                .query(CurrentAction::read)
                .optional();
    }

    /** The plan's actions that pass the filter. */
    List<CurrentAction> ofPlan(String planId, ActionFilter filter) {
        List<String> conditions = new ArrayList<>(List.of("plan_id = :plan"));
        Map<String, Object> params = new HashMap<>(Map.of("plan", planId));
        if (filter.status() != null) {
            conditions.add("status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.organisation() != null) {
            conditions.add("organisation = :organisation");
            params.put("organisation", filter.organisation());
        }
        if (filter.objective() != null) {
            conditions.add("objective_number = :objective");
            params.put("objective", filter.objective());
        }
        if (filter.priority() != null) {
            conditions.add("priority_number = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.commitment() != null) {
            conditions.add(
                    switch (filter.commitment()) {
                        case NATIONAL -> "commitment_national";
                        case EU -> "commitment_eu";
                        case INTERNATIONAL -> "commitment_international";
                    });
        }
        return jdbc.sql("SELECT * FROM query_model.action_view WHERE " + String.join(" AND ", conditions))
                .params(params)
                .query(CurrentAction::read)
                .list();
    }

    /** Every plan with its number of actions, by id. */
    List<PlanSummary> plans() {
        return jdbc.sql("""
                        SELECT plan_id, count(*) AS actions, max(last_changed_at) AS last_changed_at
                        FROM query_model.action_view GROUP BY plan_id ORDER BY plan_id""")
                .query((rs, n) -> {
                    Timestamp lastChanged = rs.getTimestamp("last_changed_at");
                    return new PlanSummary(
                            rs.getString("plan_id"),
                            rs.getInt("actions"),
                            lastChanged == null ? null : lastChanged.toInstant());
                })
                .list();
    }

    boolean planExists(String planId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM query_model.action_view WHERE plan_id = ?)")
                .param(planId)
                .query(Boolean.class)
                .single();
    }

    void upsert(Collection<CurrentAction> rows) {
        batches.batchUpdate(UPSERT, rows.stream().map(CurrentActions::columns).toList());
    }

    void clear() {
        jdbc.sql("TRUNCATE query_model.action_view").update();
    }

    private static Object[] columns(CurrentAction row) {
        Set<CommitmentLevel> levels = row.commitmentLevels();
        return new Object[] {
            row.aggregateId(),
            row.planId(),
            row.actionId(),
            row.euActionNumber(),
            row.description(),
            row.objectiveNumber(),
            row.objectiveText(),
            row.objectiveInferred(),
            row.priorityNumber(),
            row.priorityTitle(),
            levels.contains(CommitmentLevel.NATIONAL),
            levels.contains(CommitmentLevel.EU),
            levels.contains(CommitmentLevel.INTERNATIONAL),
            row.commitmentRemark(),
            row.timeframeRaw(),
            row.timeframeType() == null ? null : row.timeframeType().name(),
            row.timeframeFrom(),
            row.timeframeTo(),
            row.status() == null ? null : row.status().name(),
            row.organisation(),
            row.contact(),
            row.version(),
            row.lastChangedAt() == null ? null : Timestamp.from(row.lastChangedAt()),
            row.lastChangedBy()
        };
    }
}
