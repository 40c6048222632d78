package nl.actionledger.command.catalogue;

import java.util.Map;
import java.util.UUID;
import nl.actionledger.command.action.RegisterActionCommand;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Objective;
import nl.actionledger.events.Priority;
import nl.actionledger.events.TimeframeType;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers every action of every known plan once, as {@code system}, at start-up. An action that already
 * has events is left alone; when two instances start together, the unique index on (aggregate id, sequence
 * number) lets only one registration in and the other instance counts it as done.
 */
@Component
class PlanRegistrar implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanRegistrar.class);

    private final KnownPlans plans;
    private final EventStore eventStore;
    private final CommandGateway commandGateway;

    PlanRegistrar(KnownPlans plans, EventStore eventStore, CommandGateway commandGateway) {
        this.plans = plans;
        this.eventStore = eventStore;
        this.commandGateway = commandGateway;
    }

    @Override
    public void run(ApplicationArguments args) {
        plans.all().forEach(this::register);
    }

    void register(PlanCatalogue plan) {
        String correlationId = "registration-" + plan.planId() + "-" + UUID.randomUUID();
        int registered = 0;
        for (ActionEntry action : plan.actions()) {
            ActionRef ref = ActionRef.of(plan.planId(), action.id());
            if (eventStore.lastSequenceNumberFor(ref.toString()).isPresent()) {
                continue;
            }
            try {
                commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(toCommand(plan, ref, action))
                        .andMetaData(Map.of(
                                EventMetadataKeys.ACTOR,
                                EventMetadataKeys.SYSTEM_ACTOR,
                                EventMetadataKeys.CORRELATION_ID,
                                correlationId)));
                registered++;
            } catch (AggregateStreamCreationException alreadyThere) {
                log.info("Action {} was registered by another instance at the same time", ref);
            }
        }
        log.info(
                "Plan {}: {} of {} actions registered now, the rest were already in the ledger",
                plan.planId(),
                registered,
                plan.actions().size());
    }

    private static RegisterActionCommand toCommand(PlanCatalogue plan, ActionRef ref, ActionEntry action) {
        ObjectiveEntry objective = plan.objective(action.objective()).orElseThrow();
        PriorityEntry priority = plan.priority(objective.priority()).orElseThrow();
        return new RegisterActionCommand(
                ref,
                action.euActionNumber(),
                action.description(),
                new Objective(objective.number(), objective.text(), action.objectiveInferred() || objective.inferred()),
                new Priority(priority.number(), priority.title()),
                action.commitment(),
                action.timeframe(),
                initialStatus(action),
                plan.source(),
                action.notes());
    }

    /**
     * The table says nothing about implementation, only about timeframes: {@code Gereed} (done when the
     * table was written) starts as COMPLETED, {@code Doorlopend} as CONTINUOUS, everything else NOT_STARTED.
     */
    static ImplementationStatus initialStatus(ActionEntry action) {
        TimeframeType type = action.timeframe().type();
        if (type == TimeframeType.ALREADY_DONE) {
            return ImplementationStatus.COMPLETED;
        }
        return type == TimeframeType.CONTINUOUS ? ImplementationStatus.CONTINUOUS : ImplementationStatus.NOT_STARTED;
    }
}
