package nl.actionledger.support.web;

/** Makes a client-supplied value safe for one log line: no line breaks or other control characters, bounded length. */
public final class LogSafe {

    private static final int MAX_LENGTH = 200;

    private LogSafe() {
    }

    public static String of(String value) {
        if (value == null) {
            return "-";
        }
        String cleaned = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() <= MAX_LENGTH ? cleaned : cleaned.substring(0, MAX_LENGTH) + "...";
    }
}
