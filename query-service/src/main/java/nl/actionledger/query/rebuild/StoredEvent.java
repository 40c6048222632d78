package nl.actionledger.query.rebuild;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * An event as the bulk rebuild reads it: with its position in the event table, which the rows it makes are keyed by.
 *
 * @param globalIndex the event's global index
 */
public record StoredEvent(long globalIndex, DomainEventMessage<?> message) {}
