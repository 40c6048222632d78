package nl.actionledger.query.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One field that changed, with its value before and after, as text people read: what an event changed (the audit trail)
 * and the net change of an action over a period ({@code /changes}).
 */
@Embeddable
public record FieldChange(
        @Column(name = "field", length = 64) String field,
        @Column(name = "before_value", length = 8000) String before,
        @Column(name = "after_value", length = 8000) String after) {
}
