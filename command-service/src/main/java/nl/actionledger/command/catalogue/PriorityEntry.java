package nl.actionledger.command.catalogue;

/**
 * A priority of the EU plan. {@code firstObjective}–{@code lastObjective} is our reading of the plan
 * (catalogue/README.md), recorded so that it can be corrected.
 */
record PriorityEntry(int number, String title, int firstObjective, int lastObjective) {

    public boolean covers(int objective) {
        return objective >= firstObjective && objective <= lastObjective;
    }
}
