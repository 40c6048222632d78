package nl.actionledger.support.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.actionledger.events.SealedContact;
import org.junit.jupiter.api.Test;

class ContactSealTest {

    private static final String PERSON = "0b5f7a0e-2c1d-4f7e-9a51-3a1c2d4e5f60";

    @Test
    void aSealedNameOpensWithItsPersonsKeyOnly() {
        byte[] key = ContactSeal.newKey();
        SealedContact sealed = ContactSeal.seal(key, PERSON, "J. Jansen");

        assertThat(new String(Base64.getDecoder().decode(sealed.sealedName()), StandardCharsets.ISO_8859_1))
                .doesNotContain("Jansen");
        assertThat(ContactSeal.open(key, sealed)).contains("J. Jansen");
        assertThat(ContactSeal.open(ContactSeal.newKey(), sealed))
                .as("another key")
                .isEmpty();
        assertThat(ContactSeal.open(null, sealed)).as("no key: erased").isEmpty();
    }

    @Test
    void everySealHasItsOwnNonce() {
        byte[] key = ContactSeal.newKey();
        assertThat(ContactSeal.seal(key, PERSON, "J. Jansen").sealedName())
                .isNotEqualTo(ContactSeal.seal(key, PERSON, "J. Jansen").sealedName());
    }

    @Test
    void aSealedNameMovedToAnotherPersonOrAlteredDoesNotOpen() {
        byte[] key = ContactSeal.newKey();
        SealedContact sealed = ContactSeal.seal(key, PERSON, "J. Jansen");
        assertThat(ContactSeal.open(key, new SealedContact("another", sealed.sealedName())))
                .isEmpty();

        byte[] bytes = Base64.getDecoder().decode(sealed.sealedName());
        bytes[bytes.length - 1] ^= 1;
        assertThat(ContactSeal.open(
                        key, new SealedContact(PERSON, Base64.getEncoder().encodeToString(bytes))))
                .isEmpty();
        assertThat(ContactSeal.open(key, new SealedContact(PERSON, "not base64!")))
                .isEmpty();
        assertThat(ContactSeal.open(key, new SealedContact(PERSON, "AAAA"))).isEmpty();
    }

    @Test
    void aThreadsCipherServesAgainAfterARefusedOpening() {
        byte[] key = ContactSeal.newKey();
        SealedContact sealed = ContactSeal.seal(key, PERSON, "J. Jansen");
        byte[] bytes = Base64.getDecoder().decode(sealed.sealedName());
        bytes[bytes.length - 1] ^= 1;
        SealedContact altered = new SealedContact(PERSON, Base64.getEncoder().encodeToString(bytes));

        assertThat(ContactSeal.open(key, altered)).isEmpty();
        assertThat(ContactSeal.open(key, sealed)).contains("J. Jansen");
        SealedContact another = ContactSeal.seal(key, PERSON, "P. de Vries");
        assertThat(ContactSeal.open(key, another)).contains("P. de Vries");
        assertThat(ContactSeal.open(key, sealed))
                .as("the same nonce opened twice")
                .contains("J. Jansen");
    }
}
