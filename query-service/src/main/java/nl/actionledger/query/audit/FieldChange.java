package nl.actionledger.query.audit;


/**
 * One field that changed, with its value before and after, as text people read: what an event changed (the audit trail)
 * and the net change of an action over a period ({@code /changes}).
 */
public record FieldChange(String field, String before, String after) {
}
