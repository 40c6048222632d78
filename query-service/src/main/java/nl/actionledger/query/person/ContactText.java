package nl.actionledger.query.person;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.SealedContact;

/**
 * How the projections store an assignment's contact: never the name of a contact that an event names sealed, only the
 * sealed form ({@code sealed:v1:<personId>:<sealed name>}), which {@link Contacts} opens when an answer is given. So
 * erasing a person (deleting their key) changes no projection row, every copy goes unreadable at once, and a replay
 * before or after an erasure builds the same rows. A contact that an event before revision 3 named in clear text is
 * stored as that text (it is in the event table in clear anyway; see the README).
 */
public final class ContactText {

    static final String PREFIX = "sealed:v1:";
    private static final Pattern SEALED = Pattern.compile(
            Pattern.quote(PREFIX) + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([A-Za-z0-9+/=]+)");

    private ContactText() {}

    /** The text a projection stores for the assignment's contact, {@code null} when it names none. Pure. */
    public static String of(Assignment assignment) {
        if (assignment == null) {
            return null;
        }
        SealedContact person = assignment.contactPerson();
        return person != null ? PREFIX + person.personId() + ":" + person.sealedName() : assignment.legacyContact();
    }

    /** The sealed contact a stored text holds, empty for clear text (events before revision 3) and {@code null}. */
    static Optional<SealedContact> sealed(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Matcher matcher = SEALED.matcher(stored);
        return matcher.matches()
                ? Optional.of(new SealedContact(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }
}
