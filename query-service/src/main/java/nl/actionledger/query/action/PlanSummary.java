package nl.actionledger.query.action;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A plan as the current views know it: its id, how many actions it has, and when the last of them changed. (The
 * plan's title is in command-service's catalogue, not in any event, so the read side cannot give it.)
 */
public record PlanSummary(
        @Schema(example = "eu-wap-nl") String planId,
        @Schema(example = "53") int actions,
        @Schema(example = "2026-11-20T14:03:12.418Z") Instant lastChangedAt) {}
