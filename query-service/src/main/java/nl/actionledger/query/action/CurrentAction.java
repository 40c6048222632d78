package nl.actionledger.query.action;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import nl.actionledger.events.Commitment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;

/**
 * One row of {@code action_view}, the current-status view: an action as it stands after its last event. Only the
 * projection changes it (in memory, then written by {@link CurrentActions#upsert}). The commitment levels are three
 * columns so that filters stay plain SQL.
 */
final class CurrentAction {

    private final String aggregateId;
    private final String planId;
    private final String actionId;
    private Integer euActionNumber;
    private String description;
    private int objectiveNumber;
    private String objectiveText;
    private boolean objectiveInferred;
    private int priorityNumber;
    private String priorityTitle;
    private boolean commitmentNational;
    private boolean commitmentEu;
    private boolean commitmentInternational;
    private String commitmentRemark;
    private String timeframeRaw;
    private TimeframeType timeframeType;
    private Integer timeframeFrom;
    private Integer timeframeTo;
    private ImplementationStatus status;
    private String organisation;
    private String contact;
    private long version;
    private Instant lastChangedAt;
    private String lastChangedBy;

    CurrentAction(String aggregateId, String planId, String actionId) {
        this.aggregateId = aggregateId;
        this.planId = planId;
        this.actionId = actionId;
    }

    /** The row as stored ({@code SELECT *} of {@code action_view}). */
    static CurrentAction read(ResultSet rs, int rowNumber) throws SQLException {
        CurrentAction row =
                new CurrentAction(rs.getString("aggregate_id"), rs.getString("plan_id"), rs.getString("action_id"));
        row.euActionNumber = (Integer) rs.getObject("eu_action_number");
        row.description = rs.getString("description");
        row.objectiveNumber = rs.getInt("objective_number");
        row.objectiveText = rs.getString("objective_text");
        row.objectiveInferred = rs.getBoolean("objective_inferred");
        row.priorityNumber = rs.getInt("priority_number");
        row.priorityTitle = rs.getString("priority_title");
        row.commitmentNational = rs.getBoolean("commitment_national");
        row.commitmentEu = rs.getBoolean("commitment_eu");
        row.commitmentInternational = rs.getBoolean("commitment_international");
        row.commitmentRemark = rs.getString("commitment_remark");
        row.timeframeRaw = rs.getString("timeframe_raw");
        String timeframeType = rs.getString("timeframe_type");
        row.timeframeType = timeframeType == null ? null : TimeframeType.valueOf(timeframeType);
        row.timeframeFrom = (Integer) rs.getObject("timeframe_from");
        row.timeframeTo = (Integer) rs.getObject("timeframe_to");
        String status = rs.getString("status");
        row.status = status == null ? null : ImplementationStatus.valueOf(status);
        row.organisation = rs.getString("organisation");
        row.contact = rs.getString("contact");
        row.version = rs.getLong("version");
        Timestamp lastChangedAt = rs.getTimestamp("last_changed_at");
        row.lastChangedAt = lastChangedAt == null ? null : lastChangedAt.toInstant();
        row.lastChangedBy = rs.getString("last_changed_by");
        return row;
    }

    /** True when the event at this sequence number is already reflected (events can be redelivered). */
    boolean alreadyReflects(long sequenceNumber) {
        return sequenceNumber <= version;
    }

    void recordChange(long sequenceNumber, Instant at, String actor) {
        this.version = sequenceNumber;
        this.lastChangedAt = at;
        this.lastChangedBy = actor;
    }

    void setBaseline(
            Integer euActionNumber,
            String description,
            int objectiveNumber,
            String objectiveText,
            boolean objectiveInferred,
            int priorityNumber,
            String priorityTitle) {
        this.euActionNumber = euActionNumber;
        this.description = description;
        this.objectiveNumber = objectiveNumber;
        this.objectiveText = objectiveText;
        this.objectiveInferred = objectiveInferred;
        this.priorityNumber = priorityNumber;
        this.priorityTitle = priorityTitle;
    }

    void setCommitment(Commitment commitment) {
        this.commitmentNational = commitment.levels().contains(CommitmentLevel.NATIONAL);
        this.commitmentEu = commitment.levels().contains(CommitmentLevel.EU);
        this.commitmentInternational = commitment.levels().contains(CommitmentLevel.INTERNATIONAL);
        this.commitmentRemark = commitment.remark();
    }

    void setTimeframe(Timeframe timeframe) {
        this.timeframeRaw = timeframe.raw();
        this.timeframeType = timeframe.type();
        this.timeframeFrom = timeframe.fromYear();
        this.timeframeTo = timeframe.toYear();
    }

    void setStatus(ImplementationStatus status) {
        this.status = status;
    }

    void setAssignment(String organisation, String contact) {
        this.organisation = organisation;
        this.contact = contact;
    }

    Set<CommitmentLevel> commitmentLevels() {
        Set<CommitmentLevel> levels = EnumSet.noneOf(CommitmentLevel.class);
        if (commitmentNational) {
            levels.add(CommitmentLevel.NATIONAL);
        }
        if (commitmentEu) {
            levels.add(CommitmentLevel.EU);
        }
        if (commitmentInternational) {
            levels.add(CommitmentLevel.INTERNATIONAL);
        }
        return levels;
    }

    String aggregateId() {
        return aggregateId;
    }

    String planId() {
        return planId;
    }

    String actionId() {
        return actionId;
    }

    Integer euActionNumber() {
        return euActionNumber;
    }

    String description() {
        return description;
    }

    int objectiveNumber() {
        return objectiveNumber;
    }

    String objectiveText() {
        return objectiveText;
    }

    boolean objectiveInferred() {
        return objectiveInferred;
    }

    int priorityNumber() {
        return priorityNumber;
    }

    String priorityTitle() {
        return priorityTitle;
    }

    String commitmentRemark() {
        return commitmentRemark;
    }

    String timeframeRaw() {
        return timeframeRaw;
    }

    TimeframeType timeframeType() {
        return timeframeType;
    }

    Integer timeframeFrom() {
        return timeframeFrom;
    }

    Integer timeframeTo() {
        return timeframeTo;
    }

    ImplementationStatus status() {
        return status;
    }

    String organisation() {
        return organisation;
    }

    String contact() {
        return contact;
    }

    long version() {
        return version;
    }

    Instant lastChangedAt() {
        return lastChangedAt;
    }

    String lastChangedBy() {
        return lastChangedBy;
    }
}
