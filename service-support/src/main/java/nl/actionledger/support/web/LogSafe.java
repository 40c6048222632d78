package nl.actionledger.support.web;

/**
 * Makes a client-supplied value safe for one log line: no line breaks (of any kind), control or formatting
 * characters (bidirectional overrides included) or unpaired surrogates, and a bounded length.
 */
public final class LogSafe {

    private static final int MAX_LENGTH = 200;

    private LogSafe() {}

    public static String of(String value) {
        if (value == null) {
            return "-";
        }
        String cleaned = value.codePoints()
                .map(c -> unsafe(c) ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() <= MAX_LENGTH ? cleaned : cleaned.substring(0, MAX_LENGTH) + "...";
    }

    private static boolean unsafe(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
