package nl.actionledger.events;

import org.axonframework.serialization.Revision;

/** A coordinator reported a new implementation status for an action that was not closed. */
@Revision("1")
public record ActionStatusChangedEvent(
        ActionRef action, ImplementationStatus previousStatus, ImplementationStatus newStatus, String reason) {}
