package nl.actionledger.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An action of the plan entered the ledger with its whole baseline, as the source table gave it.
 *
 * @param euActionNumber absent for the one action the table gives no number
 * @param description    Markdown; lists in the source stay lists
 * @param source         the document the baseline was taken from
 * @param notes          how the catalogue corrected or inferred this row of the source, if it did
 */
@Revision("1")
public record ActionRegisteredEvent(
        ActionRef action,
        Integer euActionNumber,
        String description,
        Objective objective,
        Priority priority,
        Commitment commitment,
        Timeframe timeframe,
        ImplementationStatus status,
        String source,
        List<String> notes) {

    public ActionRegisteredEvent {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
