package nl.actionledger.command.catalogue;

import java.util.List;
import nl.actionledger.events.Commitment;
import nl.actionledger.events.Timeframe;

/**
 * One action of the plan as the catalogue records it.
 *
 * @param id               stable id: the EU action number as a string, or a non-numeric id for the unnumbered action
 * @param euActionNumber   absent for the unnumbered action
 * @param objective        the objective number, filled over the whole merged block of the source
 * @param objectiveInferred true when the objective is an inference rather than read from the source
 * @param description      Markdown; {@code <ul><li>} lists of the source become "- " lists
 * @param sourceRow        the 1-based line of the raw TSV this action was read from
 * @param notes            one note per correction made to this row, empty when the row was taken as is
 */
record ActionEntry(
        String id,
        Integer euActionNumber,
        int objective,
        boolean objectiveInferred,
        String description,
        Commitment commitment,
        Timeframe timeframe,
        int sourceRow,
        List<String> notes) {

    public ActionEntry {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
