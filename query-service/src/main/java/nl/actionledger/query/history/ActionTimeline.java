package nl.actionledger.query.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.query.action.ActionView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The temporal projection's tables: {@code action_baseline} and {@code action_state}. Plain SQL, because the
 * questions asked of it (the plan at an instant, what changed in a period) are set queries over intervals.
 */
@Repository
class ActionTimeline {

    private static final String STATE_COLUMNS = """
            s.aggregate_id, s.sequence_number, s.plan_id, s.action_id, s.valid_from, s.position,
            s.event_type, s.actor, s.reason, s.status, s.previous_status, s.organisation, s.contact,
            s.timeframe_raw, s.timeframe_type, s.timeframe_from, s.timeframe_to""";
    private static final String BASELINE_COLUMNS = """
            b.aggregate_id AS b_aggregate_id, b.plan_id AS b_plan_id, b.action_id AS b_action_id, b.eu_action_number,
            b.description, b.objective_number, b.objective_text, b.objective_inferred, b.priority_number,
            b.priority_title, b.commitment_national, b.commitment_eu, b.commitment_international, b.commitment_remark""";
    /**
     * The state of each action of plan :plan in force at :at: its latest state begun at or before then (the next one
     * ends it), one index probe per action (action_state_in_force_idx).
     */
    private static final String IN_FORCE_AT = """
             FROM query_model.action_baseline b
             CROSS JOIN LATERAL (SELECT * FROM query_model.action_state s
                                  WHERE s.aggregate_id = b.aggregate_id AND s.valid_from <= :at
                                  ORDER BY s.valid_from DESC, s.sequence_number DESC LIMIT 1) s
            WHERE b.plan_id = :plan""";

    static final String BASELINE = "query_model.action_baseline";
    static final String[] BASELINE_ROW = {
        "aggregate_id",
        "plan_id",
        "action_id",
        "eu_action_number",
        "description",
        "objective_number",
        "objective_text",
        "objective_inferred",
        "priority_number",
        "priority_title",
        "commitment_national",
        "commitment_eu",
        "commitment_international",
        "commitment_remark"
    };
    static final String STATE = "query_model.action_state";
    static final String[] STATE_ROW = {
        "aggregate_id",
        "sequence_number",
        "plan_id",
        "action_id",
        "valid_from",
        "position",
        "event_type",
        "actor",
        "reason",
        "status",
        "previous_status",
        "organisation",
        "contact",
        "timeframe_raw",
        "timeframe_type",
        "timeframe_from",
        "timeframe_to"
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ActionTimeline(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.batches = jdbcTemplate;
    }

    // --- writing (the projection) -------------------------------------------------------------------------

    /** The current (latest) state of each of the actions that has one, by aggregate id. */
    Map<String, ActionState> currentStates(Collection<String> aggregateIds) {
        Map<String, ActionState> states = new HashMap<>();
        jdbc.sql("SELECT " + STATE_COLUMNS + " FROM unnest(?::text[]) AS wanted(aggregate_id) CROSS JOIN LATERAL "
                        + "(SELECT * FROM query_model.action_state s WHERE s.aggregate_id = wanted.aggregate_id "
                        + "ORDER BY s.sequence_number DESC LIMIT 1) s")
                .param(aggregateIds.stream().distinct().toArray(String[]::new))
                .query(ActionTimeline::state)
                .list()
                .forEach(state -> states.put(state.aggregateId(), state));
        return states;
    }

    void write(TimelineWrites writes) {
        batches.batchUpdate(
                insert(BASELINE, BASELINE_ROW, " ON CONFLICT (aggregate_id) DO NOTHING"),
                writes.baselines().stream().map(ActionTimeline::baselineRow).toList());
        batches.batchUpdate(
                insert(STATE, STATE_ROW, ""),
                writes.begun().stream().map(ActionTimeline::stateRow).toList());
    }

    private static String insert(String table, String[] columns, String onConflict) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.length, "?")) + ")" + onConflict;
    }

    void clear() {
        jdbc.sql("TRUNCATE query_model.action_state, query_model.action_baseline")
                .update();
    }

    /** The values of an action's {@code action_baseline} row, in the order of {@link #BASELINE_ROW}. */
    static Object[] baselineRow(ActionRegisteredEvent event) {
        Set<CommitmentLevel> levels = event.commitment().levels();
        return new Object[] {
            event.action().toString(),
            event.action().planId(),
            event.action().actionId(),
            event.euActionNumber(),
            event.description(),
            event.objective().number(),
            event.objective().text(),
            event.objective().inferred(),
            event.priority().number(),
            event.priority().title(),
            levels.contains(CommitmentLevel.NATIONAL),
            levels.contains(CommitmentLevel.EU),
            levels.contains(CommitmentLevel.INTERNATIONAL),
            event.commitment().remark()
        };
    }

    /** The values of a state's {@code action_state} row, in the order of {@link #STATE_ROW}. */
    static Object[] stateRow(ActionState state) {
        return new Object[] {
            state.aggregateId(),
            state.sequenceNumber(),
            state.planId(),
            state.actionId(),
            Timestamp.from(state.validFrom()),
            state.position(),
            state.eventType(),
            state.actor(),
            state.reason(),
            state.status().name(),
            state.previousStatus() == null ? null : state.previousStatus().name(),
            state.organisation(),
            state.contact(),
            state.timeframe().raw(),
            state.timeframe().type().name(),
            state.timeframe().fromYear(),
            state.timeframe().toYear()
        };
    }

    // --- reading --------------------------------------------------------------------------------------------

    /** Every action of the plan as it stood at the instant, in the shape of the current view. */
    List<ActionView> planAt(String planId, Instant at) {
        return jdbc.sql("SELECT " + STATE_COLUMNS + ", " + BASELINE_COLUMNS + IN_FORCE_AT)
                .param("plan", planId)
                .param("at", Timestamp.from(at))
                .query((rs, row) -> baseline(rs).viewIn(state(rs, row)))
                .list();
    }

    /** The states the plan's actions were in at the instant (no baseline). */
    List<ActionState> statesAt(String planId, Instant at) {
        return jdbc.sql("SELECT " + STATE_COLUMNS + IN_FORCE_AT)
                .param("plan", planId)
                .param("at", Timestamp.from(at))
                .query(ActionTimeline::state)
                .list();
    }

    /** The states begun by events after {@code from} up to and including {@code to}, per action in order. */
    List<ActionState> statesBegunBetween(String planId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + STATE_COLUMNS + """
                         FROM query_model.action_state s
                        WHERE s.plan_id = :plan AND s.valid_from > :from AND s.valid_from <= :to
                        ORDER BY s.aggregate_id, s.sequence_number""")
                .param("plan", planId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(ActionTimeline::state)
                .list();
    }

    List<ActionBaseline> baselines(String planId) {
        return jdbc.sql("SELECT " + BASELINE_COLUMNS + " FROM query_model.action_baseline b WHERE b.plan_id = ?")
                .param(planId)
                .query((rs, row) -> baseline(rs))
                .list();
    }

    /** When the plan's first action was registered, if it has any. */
    Optional<Instant> firstInstant(String planId) {
        return jdbc.sql("SELECT valid_from FROM query_model.action_state WHERE plan_id = ? ORDER BY valid_from LIMIT 1")
                .param(planId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /**
     * How many of the plan's actions were in each status at each of the instants, as {@link #statesAt} would count them
     * at each: per status, an array parallel to {@code points}. Absent statuses had no action at any point.
     * <p>
     * Cost: one statement, one pass over the plan's changes of status up to the last point (an index-only scan of
     * {@code action_state_status_changes_idx}, migration V15), whatever the number of points, and no sort. Each state
     * records the status of the state it ended ({@code previous_status}), so a state whose status differs adds one
     * action to its status and takes one away from the previous at the first point at or after it
     * ({@code width_bucket}, a binary search of the points). Counted per point and pair of statuses first, then split
     * into the two statuses: at most (statuses x (points + 1)) rows to send, added up here into running counts. States
     * that changed no status (a reassignment, a revised timeframe) are not in the index. Finding where each state ends instead ({@code lead()} over
     * each action's states) sorts every state of the plan: 3 s at 10^6.
     *
     * @param points in ascending order, each once (at most {@link PlanThroughTime#MAX_POINTS})
     */
    Map<ImplementationStatus, int[]> statusCountsAt(String planId, List<Instant> points) {
        String[] thresholds = points.stream().map(Instant::toString).toArray(String[]::new);
        Map<ImplementationStatus, int[]> counts = new EnumMap<>(ImplementationStatus.class);
        jdbc.sql("""
                        WITH p AS (SELECT CAST(? AS timestamptz[]) AS points),
                        changes AS (
                            SELECT width_bucket(s.valid_from - interval '1 microsecond', p.points) + 1 AS point,
                                   s.status, s.previous_status, count(*) AS states
                              FROM query_model.action_state s CROSS JOIN p
                             WHERE s.plan_id = ? AND s.valid_from <= ? AND s.status IS DISTINCT FROM s.previous_status
                             GROUP BY 1, 2, 3)
                        SELECT d.status, changes.point, sum(d.delta) AS delta
                          FROM changes CROSS JOIN LATERAL (VALUES (changes.status, changes.states),
                                                                  (changes.previous_status, -changes.states))
                               AS d(status, delta)
                         WHERE d.status IS NOT NULL
                         GROUP BY d.status, changes.point""")
                .params(thresholds, planId, Timestamp.from(points.get(points.size() - 1)))
                .query(rs -> {
                    counts.computeIfAbsent(
                                            ImplementationStatus.valueOf(rs.getString("status")),
                                            status -> new int[points.size()])[rs.getInt("point") - 1] +=
                            rs.getInt("delta");
                });
        // from the changes at each point to the number at each point
        counts.values().forEach(perPoint -> {
            for (int i = 1; i < perPoint.length; i++) {
                perPoint[i] += perPoint[i - 1];
            }
        });
        return counts;
    }

    /**
     * The global index of the plan's last event at or before the instant: the position an as-of answer reflects. Read
     * from the states in force then, one index probe per action, as {@link #planAt} reads them: the maximum over every
     * state begun by then would read a plan's whole history up to the instant (36 ms at a million events, half a
     * second with a cold cache). The two agree as long as an action's events are stamped in the order of their
     * versions; should a clock have gone back between two, this is the position of the states the answer shows.
     */
    long positionAt(String planId, Instant at) {
        return jdbc.sql("SELECT coalesce(max(s.position), 0)" + IN_FORCE_AT)
                .param("plan", planId)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    private static ActionState state(ResultSet rs, int row) throws SQLException {
        String previousStatus = rs.getString("previous_status");
        return new ActionState(
                rs.getString("aggregate_id"),
                rs.getLong("sequence_number"),
                rs.getString("plan_id"),
                rs.getString("action_id"),
                rs.getTimestamp("valid_from").toInstant(),
                rs.getLong("position"),
                rs.getString("event_type"),
                rs.getString("actor"),
                rs.getString("reason"),
                ImplementationStatus.valueOf(rs.getString("status")),
                previousStatus == null ? null : ImplementationStatus.valueOf(previousStatus),
                rs.getString("organisation"),
                rs.getString("contact"),
                new Timeframe(
                        TimeframeType.valueOf(rs.getString("timeframe_type")),
                        rs.getString("timeframe_raw"),
                        (Integer) rs.getObject("timeframe_from"),
                        (Integer) rs.getObject("timeframe_to")));
    }

    private static ActionBaseline baseline(ResultSet rs) throws SQLException {
        Set<CommitmentLevel> levels = EnumSet.noneOf(CommitmentLevel.class);
        if (rs.getBoolean("commitment_national")) {
            levels.add(CommitmentLevel.NATIONAL);
        }
        if (rs.getBoolean("commitment_eu")) {
            levels.add(CommitmentLevel.EU);
        }
        if (rs.getBoolean("commitment_international")) {
            levels.add(CommitmentLevel.INTERNATIONAL);
        }
        return new ActionBaseline(
                rs.getString("b_aggregate_id"),
                rs.getString("b_plan_id"),
                rs.getString("b_action_id"),
                (Integer) rs.getObject("eu_action_number"),
                rs.getString("description"),
                new ActionView.ObjectiveView(
                        rs.getInt("objective_number"),
                        rs.getString("objective_text"),
                        rs.getBoolean("objective_inferred")),
                new ActionView.PriorityView(rs.getInt("priority_number"), rs.getString("priority_title")),
                new ActionView.CommitmentView(levels, rs.getString("commitment_remark")));
    }
}
