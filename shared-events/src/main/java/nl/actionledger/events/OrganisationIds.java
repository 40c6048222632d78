package nl.actionledger.events;

import java.util.regex.Pattern;

/**
 * What an organisation's id looks like, and the aggregate that holds it. An id is a lower-case slug of ASCII letters,
 * digits and inner hyphens ({@code nvwa}, {@code unlisted-ministerie-x-1a2b3c4d}), at most 63 characters: nothing in
 * it can look like something else.
 */
public final class OrganisationIds {

    public static final String PATTERN = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern ID = Pattern.compile(PATTERN);
    /** Organisation aggregates are {@code organisation:<id>}; actions are {@code <plan>/<action>}, so none collide. */
    private static final String AGGREGATE_PREFIX = "organisation:";

    private OrganisationIds() {}

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String aggregateId(String organisationId) {
        return AGGREGATE_PREFIX + organisationId;
    }
}
