package nl.actionledger.events;

import org.axonframework.serialization.Revision;

/**
 * A COMPLETED or DISCONTINUED action was taken up again. Kept apart from an ordinary status change
 * because evaluators and auditors look for exactly these.
 */
@Revision("1")
public record ActionReopenedEvent(
        ActionRef action, ImplementationStatus previousStatus, ImplementationStatus newStatus, String reason) {}
