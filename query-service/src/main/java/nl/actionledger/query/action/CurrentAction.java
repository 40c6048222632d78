package nl.actionledger.query.action;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import nl.actionledger.events.Commitment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;

/**
 * One row of the current-status view: an action as it stands after its last event. Only the projection changes it
 * (in memory, then written by {@link ActionViewWriter}'s upsert, which lists the same columns). The commitment levels
 * are three columns so that filters stay plain SQL.
 */
@Entity
@Table(name = "action_view")
class CurrentAction {

    @Id
    @Column(name = "aggregate_id")
    private String aggregateId;
    private String planId;
    private String actionId;
    private Integer euActionNumber;
    @Column(length = 8000)
    private String description;
    private int objectiveNumber;
    @Column(length = 1000)
    private String objectiveText;
    private boolean objectiveInferred;
    private int priorityNumber;
    @Column(length = 1000)
    private String priorityTitle;
    private boolean commitmentNational;
    private boolean commitmentEu;
    private boolean commitmentInternational;
    @Column(length = 1000)
    private String commitmentRemark;
    private String timeframeRaw;
    @Enumerated(EnumType.STRING)
    private TimeframeType timeframeType;
    private Integer timeframeFrom;
    private Integer timeframeTo;
    @Enumerated(EnumType.STRING)
    private ImplementationStatus status;
    private String organisation;
    private String contact;
    private long version;
    private Instant lastChangedAt;
    private String lastChangedBy;

    protected CurrentAction() {
        // for JPA
    }

    CurrentAction(String aggregateId, String planId, String actionId) {
        this.aggregateId = aggregateId;
        this.planId = planId;
        this.actionId = actionId;
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

    void setBaseline(Integer euActionNumber, String description, int objectiveNumber, String objectiveText,
                     boolean objectiveInferred, int priorityNumber, String priorityTitle) {
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

    String aggregateId() { return aggregateId; }
    String planId() { return planId; }
    String actionId() { return actionId; }
    Integer euActionNumber() { return euActionNumber; }
    String description() { return description; }
    int objectiveNumber() { return objectiveNumber; }
    String objectiveText() { return objectiveText; }
    boolean objectiveInferred() { return objectiveInferred; }
    int priorityNumber() { return priorityNumber; }
    String priorityTitle() { return priorityTitle; }
    String commitmentRemark() { return commitmentRemark; }
    String timeframeRaw() { return timeframeRaw; }
    TimeframeType timeframeType() { return timeframeType; }
    Integer timeframeFrom() { return timeframeFrom; }
    Integer timeframeTo() { return timeframeTo; }
    ImplementationStatus status() { return status; }
    String organisation() { return organisation; }
    String contact() { return contact; }
    long version() { return version; }
    Instant lastChangedAt() { return lastChangedAt; }
    String lastChangedBy() { return lastChangedBy; }
}
