package nl.actionledger.crudbaseline.action.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.actionledger.crudbaseline.action.ChangeRefusedException;

/** Reads the version a client expects from {@code If-Match: "3"}; {@code *} or no header expects none. */
final class IfMatch {

    private static final Pattern VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"|(\\d{1,18})");

    private IfMatch() {}

    static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw ChangeRefusedException.invalidIfMatch();
        }
        return Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }
}
