package nl.actionledger.command.action;

/**
 * Who asks for a change, as authentication established it: never taken from a request body.
 *
 * @param organisation the id of the organisation the user works for, resolved through the list; {@code null} when none
 *                     is configured or claimed
 * @param admin        an ADMIN may change any action
 */
public record Requester(String name, String organisation, boolean admin) {}
