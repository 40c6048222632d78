package nl.actionledger.faults;

/** One fault, injected into the running cluster, and the checks of what the system promised under it. */
interface Scenario {

    /** What {@code --only=} names it by. */
    String id();

    String name();

    void run(Outcome outcome) throws Exception;
}
