package nl.actionledger.events;

import org.axonframework.serialization.Revision;

/**
 * The responsible organisation or contact of an action changed.
 *
 * @param previousAssignment {@code null} while the action had never been assigned
 */
@Revision("1")
public record ActionReassignedEvent(
        ActionRef action,
        Assignment previousAssignment,
        Assignment newAssignment,
        String reason) {
}
