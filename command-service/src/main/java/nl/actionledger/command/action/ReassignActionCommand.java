package nl.actionledger.command.action;

import nl.actionledger.events.ActionRef;

/**
 * @param organisationId  the id of the organisation to assign the action to, resolved through the list
 * @param contact         optional: the contact person's name as given (stripped); it leaves command-service only sealed
 *                        under that person's key ({@link nl.actionledger.events.SealedContact})
 * @param expectedVersion the version the client last saw ({@code If-Match}), or {@code null} to accept any
 * @param requester       who asks: only the organisation the action is assigned to, or an admin, may change it
 */
public record ReassignActionCommand(
        ActionRef action,
        String organisationId,
        String contact,
        String reason,
        Long expectedVersion,
        Requester requester)
        implements ActionCommand {

    /** Without the contact's name: commands end up in logs when they fail. */
    @Override
    public String toString() {
        return "ReassignActionCommand[action=" + action + ", organisationId=" + organisationId + ", contact="
                + (contact == null ? "none" : "(sealed)") + ", expectedVersion=" + expectedVersion + ", requester="
                + requester + "]";
    }
}
