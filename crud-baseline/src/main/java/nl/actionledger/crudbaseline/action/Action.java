package nl.actionledger.crudbaseline.action;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import org.hibernate.envers.Audited;

/**
 * One action of a plan as a row: its current state only. Envers writes a row to {@code action_aud} for every
 * change, bound to a {@link nl.actionledger.crudbaseline.audit.ChangeRevision} that says who and why. The
 * {@code @Version} is both the optimistic lock and the version clients see as the ETag.
 */
@Entity
@Audited
@Table(name = "action")
public class Action {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String planId;

    @Column(updatable = false)
    private String actionId;

    @Enumerated(EnumType.STRING)
    private ImplementationStatus status;

    private String organisation;

    private String contact;

    private String timeframe;

    @Version
    private long version;

    protected Action() {
        // for Hibernate
    }

    Action(String planId, String actionId, ImplementationStatus status, String timeframe) {
        this.planId = planId;
        this.actionId = actionId;
        this.status = status;
        this.timeframe = timeframe;
    }

    /** @return whether anything changed */
    boolean changeStatus(ImplementationStatus newStatus) {
        if (newStatus == status) {
            return false;
        }
        status = newStatus;
        return true;
    }

    /** @return whether anything changed */
    boolean assign(String newOrganisation, String newContact) {
        if (Objects.equals(newOrganisation, organisation) && Objects.equals(newContact, contact)) {
            return false;
        }
        organisation = newOrganisation;
        contact = newContact;
        return true;
    }

    /** @return whether anything changed */
    boolean reviseTimeframe(String newTimeframe) {
        if (Objects.equals(newTimeframe, timeframe)) {
            return false;
        }
        timeframe = newTimeframe;
        return true;
    }

    /** A coordinator may change only the actions of their own organisation; an admin any. */
    boolean mayBeChangedBy(String userOrganisation, boolean admin) {
        return admin
                || organisation != null && userOrganisation != null && organisation.equalsIgnoreCase(userOrganisation);
    }

    public String getPlanId() {
        return planId;
    }

    public String getActionId() {
        return actionId;
    }

    public ImplementationStatus getStatus() {
        return status;
    }

    public String getOrganisation() {
        return organisation;
    }

    public String getContact() {
        return contact;
    }

    public String getTimeframe() {
        return timeframe;
    }

    public long getVersion() {
        return version;
    }
}
