package nl.actionledger.benchmark;

/**
 * One action of the real plan as a benchmark writer keeps it: only this writer changes it, so it knows its status
 * and what it set last, and every change it sends is a real change (never refused as "no change").
 */
final class BenchAction {

    static final String PLAN = "eu-wap-nl";

    final String actionId;
    final String organisation;
    final String token;
    private boolean inProgress;
    private boolean secondContact;
    private boolean laterTimeframe;
    private int sent;

    BenchAction(String actionId, String organisation, String token, boolean inProgress) {
        this.actionId = actionId;
        this.organisation = organisation;
        this.token = token;
        this.inProgress = inProgress;
    }

    /** The next change, cycling through status, assignment and timeframe; {@link #accepted} moves it on. */
    Change next() {
        String reason = "\"reason\":\"Benchmark change " + sent + "\"";
        return switch (sent % 3) {
            case 0 -> new Change("status", "{\"status\":\"" + (inProgress ? "ON_HOLD" : "IN_PROGRESS") + "\"," + reason + "}");
            case 1 -> new Change("assignment", "{\"organisation\":\"" + organisation + "\",\"contact\":\""
                    + (secondContact ? "Bench contact A" : "Bench contact B") + "\"," + reason + "}");
            default -> new Change("timeframe", "{\"timeframe\":\"" + (laterTimeframe ? "2031 - 2032" : "2032 - 2033")
                    + "\"," + reason + "}");
        };
    }

    void accepted() {
        switch (sent % 3) {
            case 0 -> inProgress = !inProgress;
            case 1 -> secondContact = !secondContact;
            default -> laterTimeframe = !laterTimeframe;
        }
        sent++;
    }

    /** A status change only, for the lag probe; {@link #statusAccepted} records it. */
    String statusChange(String reason) {
        return statusChange(!inProgress, reason);
    }

    void statusAccepted() {
        inProgress = !inProgress;
    }

    static String statusChange(boolean toInProgress, String reason) {
        return "{\"status\":\"" + (toInProgress ? "IN_PROGRESS" : "ON_HOLD") + "\",\"reason\":\"" + reason + "\"}";
    }

    record Change(String kind, String body) {
    }
}
