package nl.actionledger.command.eventstore;

/** An event was about to be appended without an actor ({@link ActorRequired}); nothing was appended. */
public final class MissingActorException extends RuntimeException {

    MissingActorException(String eventType) {
        super("A " + eventType + " names no actor; nothing was recorded.");
    }
}
