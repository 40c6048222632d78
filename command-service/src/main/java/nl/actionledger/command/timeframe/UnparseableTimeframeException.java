package nl.actionledger.command.timeframe;

/** A timeframe text that does not fit the plan's vocabulary. */
public class UnparseableTimeframeException extends IllegalArgumentException {

    private final String text;

    public UnparseableTimeframeException(String text, String why) {
        super("Cannot read timeframe '" + text + "': " + why);
        this.text = text;
    }

    public String text() {
        return text;
    }
}
