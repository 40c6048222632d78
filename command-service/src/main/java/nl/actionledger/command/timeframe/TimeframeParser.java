package nl.actionledger.command.timeframe;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;

/**
 * Reads a timeframe in the source table's Dutch vocabulary or its English forms and keeps the text as given.
 * Both {@code Doorlopend} and {@code continuous} become CONTINUOUS; {@code 2024 - 2025} and {@code 2024-2025}
 * a RANGE; {@code Vanaf 2025} and {@code from 2025} a FROM.
 */
public final class TimeframeParser {

    static final int EARLIEST_YEAR = 2000;
    static final int LATEST_YEAR = 2100;

    private static final Map<String, TimeframeType> WORDS = Map.ofEntries(
            Map.entry("doorlopend", TimeframeType.CONTINUOUS),
            Map.entry("continuous", TimeframeType.CONTINUOUS),
            Map.entry("ongoing", TimeframeType.CONTINUOUS),
            Map.entry("n.t.b.", TimeframeType.TBD),
            Map.entry("n.t.b", TimeframeType.TBD),
            Map.entry("ntb", TimeframeType.TBD),
            Map.entry("tbd", TimeframeType.TBD),
            Map.entry("to be determined", TimeframeType.TBD),
            Map.entry("indien relevant", TimeframeType.WHEN_RELEVANT),
            Map.entry("when relevant", TimeframeType.WHEN_RELEVANT),
            Map.entry("gereed", TimeframeType.ALREADY_DONE),
            Map.entry("already done", TimeframeType.ALREADY_DONE));

    private static final Pattern RANGE = Pattern.compile("(\\d{4})\\s*[-–—]\\s*(\\d{4})");
    private static final Pattern SINGLE_YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern FROM = Pattern.compile("(?:vanaf|from)\\s+(\\d{4})");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TimeframeParser() {}

    /**
     * @throws UnparseableTimeframeException when the text is blank or says nothing this parser knows
     */
    public static Timeframe parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnparseableTimeframeException(text, "a timeframe is required");
        }
        String raw = SPACES.matcher(text.strip()).replaceAll(" ");
        String key = raw.toLowerCase(Locale.ROOT);

        TimeframeType word = WORDS.get(key);
        if (word != null) {
            return new Timeframe(word, raw, null, null);
        }
        Matcher range = RANGE.matcher(key);
        if (range.matches()) {
            int from = year(raw, range.group(1));
            int to = year(raw, range.group(2));
            if (to < from) {
                throw new UnparseableTimeframeException(raw, "the period ends before it starts");
            }
            return new Timeframe(TimeframeType.RANGE, raw, from, to);
        }
        Matcher single = SINGLE_YEAR.matcher(key);
        if (single.matches()) {
            int year = year(raw, single.group(1));
            return new Timeframe(TimeframeType.RANGE, raw, year, year);
        }
        Matcher fromYear = FROM.matcher(key);
        if (fromYear.matches()) {
            return new Timeframe(TimeframeType.FROM, raw, year(raw, fromYear.group(1)), null);
        }
        throw new UnparseableTimeframeException(
                raw,
                "expected one of: Doorlopend/continuous, 2024 - 2025, "
                        + "Vanaf 2025/from 2025, n.t.b./tbd, Indien relevant/when relevant, Gereed/already done");
    }

    private static int year(String raw, String digits) {
        int year = Integer.parseInt(digits);
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            throw new UnparseableTimeframeException(
                    raw, "years must lie between " + EARLIEST_YEAR + " and " + LATEST_YEAR);
        }
        return year;
    }
}
