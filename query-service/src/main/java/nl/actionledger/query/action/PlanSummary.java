package nl.actionledger.query.action;

import java.time.Instant;

/**
 * A plan as the current views know it: its id, how many actions it has, and when the last of them changed. (The
 * plan's title is in command-service's catalogue, not in any event, so the read side cannot give it.)
 */
public record PlanSummary(String planId, int actions, Instant lastChangedAt) {
}
