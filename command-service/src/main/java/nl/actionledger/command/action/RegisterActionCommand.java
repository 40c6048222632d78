package nl.actionledger.command.action;

import java.util.List;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.Commitment;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Objective;
import nl.actionledger.events.Priority;
import nl.actionledger.events.Timeframe;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enter one action of the plan into the ledger with its baseline from the catalogue. */
public record RegisterActionCommand(
        @TargetAggregateIdentifier ActionRef action,
        Integer euActionNumber,
        String description,
        Objective objective,
        Priority priority,
        Commitment commitment,
        Timeframe timeframe,
        ImplementationStatus status,
        String source,
        List<String> notes) {}
