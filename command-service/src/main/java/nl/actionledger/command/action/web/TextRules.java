package nl.actionledger.command.action.web;

/**
 * What text a request may carry. Refused everywhere: control characters (a NUL cannot be stored in PostgreSQL
 * text, so an event holding one would stop every projection that copies it; the others hide things from readers),
 * unpaired surrogates (not text at all: they would reach the database as '?' and no longer match the event), and
 * the bidirectional overrides and isolates that make a text display differently from what it says.
 * A reason may span lines; other fields are one line.
 */
public final class TextRules {

    private static final String NEVER = "\\p{Cc}\\p{Cs}\\u202A-\\u202E\\u2066-\\u2069";

    /** One line: none of the above, and no Unicode line or paragraph separators either. */
    public static final String SINGLE_LINE = "[^" + NEVER + "\\p{Zl}\\p{Zp}]*";
    /** Several lines: tabs and line breaks are allowed as well. */
    public static final String MULTI_LINE = "[\\t\\n\\r[^" + NEVER + "]]*";

    public static final String CONTROL_CHARACTERS =
            "must not contain control, formatting or unpaired surrogate characters";

    private TextRules() {}
}
