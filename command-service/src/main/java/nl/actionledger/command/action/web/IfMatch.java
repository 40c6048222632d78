package nl.actionledger.command.action.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the version a client expects from {@code If-Match: "3"}; {@code *} or no header expects none. */
final class IfMatch {

    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private IfMatch() {
    }

    /** @return the expected version, or {@code null} when any version will do */
    static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw new InvalidIfMatchException(header);
        }
        return Long.parseLong(matcher.group(1));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static final class InvalidIfMatchException extends RuntimeException {
        InvalidIfMatchException(String header) {
            super("If-Match must be a version this service gave out as ETag, such as \"3\"");
        }
    }
}
