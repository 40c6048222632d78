package nl.actionledger.command.action.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the version a client expects from {@code If-Match: "3"}; {@code *} or no header expects none. */
final class IfMatch {

    /** {@code "3"}, or a bare {@code 3} from clients that drop the quotes; never one quote without the other. */
    private static final Pattern VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"|(\\d{1,18})");

    private static final Pattern WEAK_TAG = Pattern.compile("W/\".*\"");

    private IfMatch() {}

    /**
     * @return the expected version, or {@code null} when any version will do
     * @throws InvalidIfMatchException when the header is not one of this service's entity tags
     * @throws WeakIfMatchException    for a weak tag: If-Match compares strongly, so it can never match (RFC 9110,
     *                                 13.1.1), and this service gives out only strong tags
     */
    static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (WEAK_TAG.matcher(tag).matches()) {
            throw new WeakIfMatchException();
        }
        Matcher matcher = VERSION_TAG.matcher(tag);
        if (!matcher.matches()) {
            throw new InvalidIfMatchException();
        }
        return Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static final class InvalidIfMatchException extends RuntimeException {
        InvalidIfMatchException() {
            super("If-Match must be a version this service gave out as ETag, such as \"3\"");
        }
    }

    static final class WeakIfMatchException extends RuntimeException {
        WeakIfMatchException() {
            super("A weak entity tag never matches If-Match; send the ETag as this service gave it out, such as \"3\"");
        }
    }
}
