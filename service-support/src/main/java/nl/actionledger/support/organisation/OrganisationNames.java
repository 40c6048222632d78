package nl.actionledger.support.organisation;

import java.util.Locale;

/**
 * How a name someone gives for an organisation (in a request, a sign-in's claim, a legacy event) is compared with the
 * ids and aliases of the list: surrounding white space is dropped and letters are compared without regard to case
 * ({@link Locale#ROOT}), nothing else. A zero-width space, a non-breaking space inside the name or a Cyrillic letter
 * that looks Latin stays what it is and matches nothing, so a look-alike can neither pass as an organisation nor be
 * quietly merged with one.
 */
public final class OrganisationNames {

    private OrganisationNames() {}

    /** The form compared: stripped of leading and trailing white space, lower case. */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
