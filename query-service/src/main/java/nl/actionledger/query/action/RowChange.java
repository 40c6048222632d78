package nl.actionledger.query.action;

import java.time.Instant;
import java.util.function.Consumer;
import nl.actionledger.events.ActionRef;

/**
 * What one event does to its action's row in {@code action_view}, kept until the batch is written.
 *
 * @param registers true for the event that creates the row
 */
record RowChange(ActionRef action, long sequenceNumber, Instant at, String actor, boolean registers,
                 Consumer<CurrentAction> change) {
}
