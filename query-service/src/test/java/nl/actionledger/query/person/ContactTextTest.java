package nl.actionledger.query.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.SealedContact;
import nl.actionledger.support.person.ContactSeal;
import org.junit.jupiter.api.Test;

class ContactTextTest {

    private static final String PERSON = UUID.randomUUID().toString();

    @Test
    void aSealedContactIsStoredSealedAndOpensWithItsKeyOnly() {
        byte[] key = ContactSeal.newKey();
        SealedContact sealed = ContactSeal.seal(key, PERSON, "J. Jansen");
        String stored = ContactText.of(Assignment.of("nvwa", sealed));

        assertThat(stored).startsWith("sealed:v1:" + PERSON + ":").doesNotContain("Jansen");
        assertThat(ContactText.sealed(stored)).contains(sealed);
        assertThat(new Contacts.Revealer(Map.of(PERSON, key)).contact(stored))
                .isEqualTo(new Contacts.Contact("J. Jansen", PERSON, false));
        assertThat(new Contacts.Revealer(Map.of()).contact(stored))
                .as("erased: no key")
                .isEqualTo(new Contacts.Contact(null, PERSON, true));
        assertThat(new Contacts.Revealer(Map.of()).text(stored)).isEqualTo(Contacts.ERASED);
    }

    @Test
    void aClearContactOfAnOldEventAndNoContactStayAsTheyAre() {
        assertThat(ContactText.of(new Assignment("nvwa", null, "K. Bakker"))).isEqualTo("K. Bakker");
        assertThat(ContactText.of(Assignment.of("nvwa"))).isNull();
        assertThat(ContactText.of(null)).isNull();
        Contacts.Revealer none = new Contacts.Revealer(Map.of());
        assertThat(none.contact("K. Bakker")).isEqualTo(new Contacts.Contact("K. Bakker", null, false));
        assertThat(none.contact(null)).isEqualTo(new Contacts.Contact(null, null, false));
        assertThat(none.text("sealed:v1:not-a-person"))
                .as("malformed: read as the text it is")
                .isEqualTo("sealed:v1:not-a-person");
    }
}
