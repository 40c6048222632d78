package nl.actionledger.query.rebuild;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for one table, sent with PostgreSQL's {@code COPY ... FROM STDIN} (text format): one statement and one round
 * trip for thousands of rows, with no parameter binding per value. The rows are encoded once, straight to UTF-8 bytes,
 * into a buffer kept for the next rows once they are sent (keep one instance per table for a whole rebuild): numbers,
 * times and text in ASCII (nearly every value) without a string or byte array of their own.
 * Values are written as PostgreSQL reads them back from a bound parameter of the live path, so a bulk rebuild and the
 * event handlers store the same.
 */
public final class CopyRows {

    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] LONG_MIN_VALUE = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    private static final long SECONDS_PER_DAY = 86_400;

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
            number(number);
        } else if (value instanceof Integer number) {
            number(number);
        } else if (value instanceof Enum<?> constant) {
            text(constant.name());
        } else if (value instanceof Instant instant) {
            instant(instant);
        } else if (value instanceof Timestamp timestamp) {
            instant(timestamp.toInstant());
        } else if (value instanceof String text) {
            text(text);
        } else {
            throw new IllegalArgumentException(
                    "No COPY text form for " + value.getClass().getName());
        }
    }

    /** In decimal, as {@link Long#toString(long)} writes it. */
    private void number(long number) {
        if (number == Long.MIN_VALUE) {
            put(LONG_MIN_VALUE);
            return;
        }
        ensure(20);
        long rest = number;
        if (rest < 0) {
            buffer[length++] = '-';
            rest = -rest;
        }
        int digits = 1;
        for (long power = 10; digits < 19 && rest >= power; power *= 10) {
            digits++;
        }
        for (int at = length + digits - 1; at >= length; at--) {
            buffer[at] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
    }

    /**
     * As {@link Instant#toString()} writes it, ISO-8601 with Z, which a {@code TIMESTAMP WITH TIME ZONE} column reads as
     * the same instant whatever the zone: the fraction in groups of three digits, none when it is zero.
     */
    private void instant(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        if (day.getYear() < 1000 || day.getYear() > 9999) {
            put(instant.toString().getBytes(StandardCharsets.US_ASCII));
            return;
        }
        int time = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        ensure(30);
        digits(day.getYear(), 4);
        buffer[length++] = '-';
        digits(day.getMonthValue(), 2);
        buffer[length++] = '-';
        digits(day.getDayOfMonth(), 2);
        buffer[length++] = 'T';
        digits(time / 3600, 2);
        buffer[length++] = ':';
        digits(time / 60 % 60, 2);
        buffer[length++] = ':';
        digits(time % 60, 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            buffer[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(nanos / 1000, 6);
            } else {
                digits(nanos, 9);
            }
        }
        buffer[length++] = 'Z';
    }

    /** The number's last {@code count} decimal digits, with leading zeros (the room for them ensured). */
    private void digits(int number, int count) {
        int rest = number;
        for (int at = length + count - 1; at >= length; at--) {
            buffer[at] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += count;
    }

    /**
     * Backslash, tab, newline and carriage return are the characters COPY's text format gives meaning to. ASCII text
     * (ids, names of kinds, most reasons) is copied char by char; other text is encoded by the JDK.
     */
    private void text(String text) {
        int start = length;
        ensure(2 * text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                length = start;
                put(escaped(text).getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (c) {
                case '\\' -> escape('\\');
                case '\t' -> escape('t');
                case '\n' -> escape('n');
                case '\r' -> escape('r');
                default -> buffer[length++] = (byte) c;
            }
        }
    }

    private void escape(char c) {
        buffer[length++] = '\\';
        buffer[length++] = (byte) c;
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
