package nl.actionledger.crudbaseline.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * Envers's revision: one per committed change, with when, who and why. The audit rows in {@code action_aud} point
 * to it; together they are this service's audit trail.
 */
@Entity
@Table(name = "change_revision")
@RevisionEntity(ChangeRevisionListener.class)
public class ChangeRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_revision")
    // Hibernate's default: one sequence call per 50 revisions
    @SequenceGenerator(name = "change_revision", sequenceName = "change_revision_seq", allocationSize = 50)
    @RevisionNumber
    private long id;

    @RevisionTimestamp
    private Instant changedAt;

    private String actor;

    private String reason;

    public long getId() {
        return id;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getActor() {
        return actor;
    }

    void setActor(String actor) {
        this.actor = actor;
    }

    public String getReason() {
        return reason;
    }

    void setReason(String reason) {
        this.reason = reason;
    }
}
