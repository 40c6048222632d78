package nl.actionledger.query.audit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** One entry of the audit trail: exactly one per event in the event table, never updated ({@link AuditTrailWriter} writes it). */
@Entity
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    private String eventId;
    private long globalIndex;
    private String aggregateId;
    private String planId;
    private String actionId;
    private long sequenceNumber;
    @Column(length = 100)
    private String eventType;
    private Instant occurredAt;
    private String actor;
    @Column(length = 2000)
    private String reason;
    private String correlationId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "audit_change", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<FieldChange> changes = new ArrayList<>();

    protected AuditEntry() {
        // for JPA
    }

    String eventId() { return eventId; }
    long globalIndex() { return globalIndex; }
    String planId() { return planId; }
    String actionId() { return actionId; }
    long sequenceNumber() { return sequenceNumber; }
    String eventType() { return eventType; }
    Instant occurredAt() { return occurredAt; }
    String actor() { return actor; }
    String reason() { return reason; }
    String correlationId() { return correlationId; }
    List<FieldChange> changes() { return List.copyOf(changes); }
}
