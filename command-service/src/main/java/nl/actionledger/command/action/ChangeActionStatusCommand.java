package nl.actionledger.command.action;

import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ImplementationStatus;

/**
 * @param expectedVersion the version the client last saw ({@code If-Match}), or {@code null} to accept any
 * @param requester       who asks: only the organisation the action is assigned to, or an admin, may change it
 */
public record ChangeActionStatusCommand(
        ActionRef action, ImplementationStatus status, String reason, Long expectedVersion, Requester requester)
        implements ActionCommand {}
