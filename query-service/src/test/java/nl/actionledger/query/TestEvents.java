package nl.actionledger.query;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.Commitment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Objective;
import nl.actionledger.events.Priority;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/** Events as command-service writes them: aggregate id {@code plan/action}, actor and correlation id in the metadata. */
public final class TestEvents {

    public static final String PLAN = "eu-wap-nl";
    public static final Timeframe CONTINUOUS = new Timeframe(TimeframeType.CONTINUOUS, "Doorlopend", null, null);
    public static final Timeframe RANGE_2024_2025 = new Timeframe(TimeframeType.RANGE, "2024 - 2025", 2024, 2025);

    private TestEvents() {}

    public static ActionRef action(String actionId) {
        return ActionRef.of(PLAN, actionId);
    }

    public static ActionRegisteredEvent registered(
            String actionId,
            int objective,
            int priority,
            ImplementationStatus status,
            Timeframe timeframe,
            CommitmentLevel... levels) {
        return registered(action(actionId), objective, priority, status, timeframe, levels);
    }

    public static ActionRegisteredEvent registered(
            ActionRef action,
            int objective,
            int priority,
            ImplementationStatus status,
            Timeframe timeframe,
            CommitmentLevel... levels) {
        String actionId = action.actionId();
        return new ActionRegisteredEvent(
                action,
                Integer.valueOf(actionId),
                "Action " + actionId,
                new Objective(objective, "Objective " + objective, false),
                new Priority(priority, "Priority " + priority),
                new Commitment(new TreeSet<>(EnumSet.copyOf(List.of(levels))), null),
                timeframe,
                status,
                "nl-eu-wildlife-trafficking-action-plan.tsv",
                List.of());
    }

    public static DomainEventMessage<?> message(
            ActionRef action, long sequenceNumber, Object payload, String actor, String correlationId, Instant at) {
        return message(
                action, sequenceNumber, payload, MetaData.with("actor", actor).and("correlationId", correlationId), at);
    }

    public static DomainEventMessage<?> message(
            ActionRef action, long sequenceNumber, Object payload, MetaData metaData, Instant at) {
        return new GenericDomainEventMessage<>(
                "Action",
                action.toString(),
                sequenceNumber,
                payload,
                metaData,
                UUID.randomUUID().toString(),
                at);
    }

    /**
     * Hands events to a projection's handlers the way a streaming processor hands it a batch: in one unit of work,
     * whose commit writes what the handlers collected.
     */
    public static void inOneBatch(Runnable handlers) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        handlers.run();
        batch.commit();
    }
}
