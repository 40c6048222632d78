package nl.actionledger.events;

import org.axonframework.serialization.Revision;

/**
 * The responsible organisation or contact of an action changed.
 * <p>
 * Revision 2 names the organisation by its id ({@link Assignment#organisationId()}); revision 1 named it in free text
 * ({@code "organisation": "NVWA"}) and is read as revision 2 through an upcaster, the stored bytes unchanged.
 *
 * @param previousAssignment {@code null} while the action had never been assigned
 */
@Revision("2")
public record ActionReassignedEvent(
        ActionRef action,
        Assignment previousAssignment,
        Assignment newAssignment,
        String reason) {
}
