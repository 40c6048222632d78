package nl.actionledger.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One field that changed, with its value before and after, as text people read: what an event changed (the audit trail)
 * and the net change of an action over a period ({@code /changes}).
 */
public record FieldChange(
        @Schema(example = "status") String field,
        @Schema(example = "CONTINUOUS") String before,
        @Schema(example = "IN_PROGRESS") String after) {}
