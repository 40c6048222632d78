package nl.actionledger.query;

import org.axonframework.eventhandling.EventMessage;

/** How the read side names an event: {@code ActionStatusChanged} for an {@code ActionStatusChangedEvent}. */
public final class EventNames {

    private EventNames() {}

    public static String of(EventMessage<?> message) {
        String name = message.getPayloadType().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }
}
