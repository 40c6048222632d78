package nl.actionledger.query.rebuild;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for one table, sent with PostgreSQL's {@code COPY ... FROM STDIN} (text format): one statement and one round
 * trip for thousands of rows, with no parameter binding per value. The rows are encoded once, straight to UTF-8 bytes,
 * into a buffer kept for the next rows once they are sent (keep one instance per table for a whole rebuild).
 * Values are written as PostgreSQL reads them back from a bound parameter of the live path, so a bulk rebuild and the
 * event handlers store the same.
 */
public final class CopyRows {

    private static final byte[] NULL = {'\\', 'N'};

    private final String copy;
    private final int columns;
    private byte[] buffer = new byte[64 * 1024];
    private int length;
    private int count;

    private CopyRows(String table, String[] columns) {
        this.copy = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        this.columns = columns.length;
    }

    public static CopyRows into(String table, String... columns) {
        return new CopyRows(table, columns);
    }

    /** Adds a row: one value per column, in the columns' order; {@code null} is SQL NULL. */
    public CopyRows row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException(
                    "A row of " + copy + " needs " + columns + " values, not " + values.length);
        }
        for (int column = 0; column < values.length; column++) {
            if (column > 0) {
                put((byte) '\t');
            }
            append(values[column]);
        }
        put((byte) '\n');
        count++;
        return this;
    }

    /** Sends the rows added so far, if any, on the connection (inside its transaction), and starts afresh. */
    public void copy(Connection connection) throws SQLException {
        if (count == 0) {
            return;
        }
        CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            copyIn.writeToCopy(buffer, 0, length);
            copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
        length = 0;
        count = 0;
    }

    /** The rows added so far, as {@link #copy} would send them. */
    byte[] encoded() {
        return Arrays.copyOf(buffer, length);
    }

    private void append(Object value) {
        if (value == null) {
            put(NULL);
        } else if (value instanceof Boolean bool) {
            put((byte) (bool ? 't' : 'f'));
        } else if (value instanceof Long number) {
            put(Long.toString(number).getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Integer number) {
            put(Integer.toString(number).getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Enum<?> constant) {
            text(constant.name());
        } else if (value instanceof Instant instant) {
            // ISO-8601 with Z: read by a TIMESTAMP WITH TIME ZONE column as the same instant, whatever the zone
            put(instant.toString().getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Timestamp timestamp) {
            put(timestamp.toInstant().toString().getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof String text) {
            text(text);
        } else {
            throw new IllegalArgumentException(
                    "No COPY text form for " + value.getClass().getName());
        }
    }

    /** Backslash, tab, newline and carriage return are the characters COPY's text format gives meaning to. */
    private void text(String text) {
        put((needsEscaping(text) ? escaped(text) : text).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private void put(byte value) {
        ensure(1);
        buffer[length++] = value;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
