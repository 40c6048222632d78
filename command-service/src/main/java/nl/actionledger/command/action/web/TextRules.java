package nl.actionledger.command.action.web;

/**
 * What text a request may carry. Control characters are refused: a NUL cannot be stored in PostgreSQL text,
 * so an event holding one would stop every projection that copies it; the others only hide things from readers.
 * A reason may span lines.
 */
final class TextRules {

    /** One line: no control characters at all. */
    static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    /** Several lines: line breaks and tabs, but no other control characters. */
    static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String CONTROL_CHARACTERS = "must not contain control characters";

    private TextRules() {
    }
}
