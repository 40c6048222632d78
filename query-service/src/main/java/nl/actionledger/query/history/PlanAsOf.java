package nl.actionledger.query.history;

import java.time.Instant;
import java.util.List;
import nl.actionledger.query.action.ActionView;

/** Every action of a plan at an instant, and the position of the last event that instant reflects. */
public record PlanAsOf(String planId, Instant at, long position, List<ActionView> actions) {}
