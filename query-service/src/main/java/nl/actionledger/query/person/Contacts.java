package nl.actionledger.query.person;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.actionledger.events.SealedContact;
import nl.actionledger.support.person.ContactSeal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens the sealed contacts of an answer with the keys of the people they name ({@code event_store.person_key},
 * command-service's V12), read once per answer. A person whose key is gone was erased: their contact reads as erased,
 * in every view, timeline, change list and audit entry alike. Keys are never cached beyond one answer, so an erasure
 * shows in the very next answer of every instance.
 */
@Component
public class Contacts {

    /** The text that stands for an erased contact in before/after values ({@code FieldChange}). */
    public static final String ERASED = "[erased]";

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The keys of the people these stored contacts name, for one answer. */
    public Revealer revealer(Collection<String> storedContacts) {
        Set<String> personIds = storedContacts.stream()
                .filter(Objects::nonNull)
                .map(ContactText::sealed)
                .flatMap(Optional::stream)
                .map(SealedContact::personId)
                .collect(Collectors.toSet());
        Map<String, byte[]> keys = new HashMap<>();
        if (!personIds.isEmpty()) {
            jdbc.sql(
                            "SELECT person_id, key FROM event_store.person_key WHERE person_id = ANY (string_to_array(?, ','))")
                    .param(String.join(",", personIds))
                    .query(rs -> {
                        keys.put(rs.getString(1), rs.getBytes(2));
                    });
        }
        return new Revealer(keys);
    }

    /**
     * A contact as an answer shows it.
     *
     * @param name     the name, {@code null} when none is named, the person was erased or the name is withheld
     * @param personId the person's id ({@code null} for none, and for a contact named in clear text before revision 3)
     * @param erased   the person was erased: their name can no longer be read
     */
    public record Contact(String name, String personId, boolean erased) {

        static final Contact NONE = new Contact(null, null, false);
    }

    /** Opens stored contacts with the keys read for one answer. */
    public static final class Revealer {

        private final Map<String, byte[]> keys;

        Revealer(Map<String, byte[]> keys) {
            this.keys = keys;
        }

        public Contact contact(String stored) {
            if (stored == null) {
                return Contact.NONE;
            }
            return ContactText.sealed(stored)
                    .map(seal -> ContactSeal.open(keys.get(seal.personId()), seal)
                            .map(name -> new Contact(name, seal.personId(), false))
                            .orElseGet(() -> new Contact(null, seal.personId(), true)))
                    .orElseGet(() -> new Contact(stored, null, false));
        }

        /** For before/after values: the name, {@value Contacts#ERASED} when the person was erased, {@code null} for none. */
        public String text(String stored) {
            Contact contact = contact(stored);
            return contact.erased() ? ERASED : contact.name();
        }
    }
}
