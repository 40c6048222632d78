package nl.actionledger.command.catalogue;

/**
 * An objective as the catalogue reconstructs it from the merged cells of the source.
 *
 * @param inferred true when the source table does not give this objective at all (objective 2)
 * @param note     how the number and text were reconstructed
 */
record ObjectiveEntry(int number, String text, int priority, boolean inferred, String note) {}
