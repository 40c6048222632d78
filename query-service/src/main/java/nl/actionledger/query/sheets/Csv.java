package nl.actionledger.query.sheets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A spreadsheet as CSV (RFC 4180: comma-separated, a cell with a comma, quote or line break in quotes with quotes
 * doubled, every line ended by CRLF), UTF-8 with a byte-order mark so that Excel reads the accents.
 * <p>
 * Reasons, names and contacts are user input, and a spreadsheet takes a cell that starts with {@code =}, {@code +},
 * {@code -} or {@code @} (or a tab or carriage return, which hide one) for a formula: such a cell gets a leading
 * apostrophe (CSV injection, OWASP). So does every part of a cell after a semicolon: Excel with Dutch settings splits
 * lines on semicolons, not commas (quotes do not help there, because such a part starts in the middle of a quoted cell),
 * so each part becomes a cell of its own. Numbers are written as they are: a negative number is no formula.
 */
public final class Csv {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern FORMULA_AFTER_SEMICOLON = Pattern.compile(";(?=[=+@\\t\\r-])");
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final StringBuilder text = new StringBuilder(BYTE_ORDER_MARK);

    private Csv(List<String> header) {
        row(header);
    }

    /** A spreadsheet with this first line of column names. */
    public static Csv withHeader(List<String> header) {
        return new Csv(header);
    }

    /** One line; {@code null} is an empty cell. */
    public Csv row(List<?> cells) {
        text.append(cells.stream().map(Csv::cell).collect(Collectors.joining(",", "", "\r\n")));
        return this;
    }

    public Csv row(Object... cells) {
        return row(Stream.of(cells).toList());
    }

    public String text() {
        return text.toString();
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String cell = value.toString();
        if (!(value instanceof Number)) {
            if (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            cell = FORMULA_AFTER_SEMICOLON.matcher(cell).replaceAll(";'");
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
