package nl.actionledger.faults;

/**
 * One action of the real plan as the coordinator who owns it keeps it: only this coordinator changes it, so every
 * change it sends is a real one. When a change was stored without the coordinator learning so (the answer was lost),
 * the next one may be refused as "no change"; {@link #moveOn} then takes the stored state as given.
 */
final class CoordinatorAction {

    static final String PLAN = "eu-wap-nl";

    final String actionId;
    final String organisation;
    final String token;
    private boolean inProgress;
    private boolean secondContact;
    private boolean laterTimeframe;
    private int sent;

    CoordinatorAction(String actionId, String organisation, String token, boolean inProgress) {
        this.actionId = actionId;
        this.organisation = organisation;
        this.token = token;
        this.inProgress = inProgress;
    }

    /** The next change, cycling through status, assignment and timeframe. */
    Change next() {
        String reason = "\"reason\":\"Fault suite change " + sent + "\"";
        return switch (sent % 3) {
            case 0 -> new Change("status", "{\"status\":\"" + (inProgress ? "ON_HOLD" : "IN_PROGRESS") + "\"," + reason + "}");
            case 1 -> new Change("assignment", "{\"organisation\":\"" + organisation + "\",\"contact\":\""
                    + (secondContact ? "Fault contact A" : "Fault contact B") + "\"," + reason + "}");
            default -> new Change("timeframe", "{\"timeframe\":\"" + (laterTimeframe ? "2031 - 2032" : "2032 - 2033")
                    + "\"," + reason + "}");
        };
    }

    /** The change from {@link #next} is now the action's state (accepted, or found to be stored already). */
    void moveOn() {
        switch (sent % 3) {
            case 0 -> inProgress = !inProgress;
            case 1 -> secondContact = !secondContact;
            default -> laterTimeframe = !laterTimeframe;
        }
        sent++;
    }

    record Change(String kind, String body) {
    }
}
