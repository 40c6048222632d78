package nl.actionledger.tooling;

/**
 * One action of the real plan as the writer who owns it keeps it (a benchmark writer, a fault suite coordinator): only
 * this writer changes it, so it knows its status and what it set last, and every change it sends is a real one, never
 * refused as "no change". When a change was stored without the writer learning so (the answer was lost), the next
 * one may be refused as "no change"; {@link #moveOn} then takes the stored state as given.
 */
public final class OwnedAction {

    public static final String PLAN = "eu-wap-nl";

    public final String actionId;
    public final String organisation;
    public final String token;
    private final Wording wording;
    private boolean inProgress;
    private boolean secondContact;
    private boolean laterTimeframe;
    private int sent;

    public OwnedAction(String actionId, String organisation, String token, boolean inProgress, Wording wording) {
        this.actionId = actionId;
        this.organisation = organisation;
        this.token = token;
        this.inProgress = inProgress;
        this.wording = wording;
    }

    /** The next change, cycling through status, assignment and timeframe; {@link #moveOn} moves it on. */
    public Change next() {
        String reason = "\"reason\":\"" + wording.reason() + " " + sent + "\"";
        return switch (sent % 3) {
            case 0 ->
                new Change(
                        "status", "{\"status\":\"" + (inProgress ? "ON_HOLD" : "IN_PROGRESS") + "\"," + reason + "}");
            case 1 ->
                new Change(
                        "assignment",
                        "{\"organisation\":\"" + organisation + "\",\"contact\":\""
                                + wording.contact(secondContact ? "A" : "B") + "\"," + reason + "}");
            default ->
                new Change(
                        "timeframe",
                        "{\"timeframe\":\"" + (laterTimeframe ? "2031 - 2032" : "2032 - 2033") + "\"," + reason + "}");
        };
    }

    /** The change from {@link #next} is now the action's state (accepted, or found to be stored already). */
    public void moveOn() {
        switch (sent % 3) {
            case 0 -> inProgress = !inProgress;
            case 1 -> secondContact = !secondContact;
            default -> laterTimeframe = !laterTimeframe;
        }
        sent++;
    }

    /** A status change only, for the benchmark's lag probe; {@link #statusAccepted} records it. */
    public String statusChange(String reason) {
        return statusChange(!inProgress, reason);
    }

    public void statusAccepted() {
        inProgress = !inProgress;
    }

    public static String statusChange(boolean toInProgress, String reason) {
        return "{\"status\":\"" + (toInProgress ? "IN_PROGRESS" : "ON_HOLD") + "\",\"reason\":\"" + reason + "\"}";
    }

    public record Change(String kind, String body) {}

    /**
     * Who writes, in the changes' words: the reason is {@code "<reason> <n>"}, the contact {@code "<contact> A"} or
     * {@code "<contact> B"}; the set-up assigns each action with contact A, so the first assignment is a real change.
     */
    public record Wording(String reason, String contactPrefix) {

        /** The contact set up first, before the writer's own changes. */
        public String firstContact() {
            return contact("A");
        }

        String contact(String letter) {
            return contactPrefix + " " + letter;
        }
    }
}
