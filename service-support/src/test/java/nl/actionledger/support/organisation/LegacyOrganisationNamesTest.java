package nl.actionledger.support.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import nl.actionledger.events.OrganisationIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyOrganisationNamesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "NVWA|nvwa",
                "nvwa|nvwa",
                "' NVWA  '|nvwa",
                "LNV|lvvn",
                "LVVN|lvvn",
                "Customs|douane",
                "Douane|douane",
                "Police|politie",
                "Openbaar Ministerie|om",
                "RVO|rvo",
                "J&V|jenv"
            })
    void mapsTheNamesOfTheListedOrganisationsAsTheOldCodeComparedThem(String legacy, String id) {
        assertThat(LegacyOrganisationNames.idFor(legacy)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NVWA\u200B", "NVW\u0410", "N\u00A0VWA", "Inspectie Leefomgeving en Transport", "", "İLT"})
    void anUnmatchedNameGetsAStableIdOfItsOwnThatNoListedNameHas(String legacy) {
        String id = LegacyOrganisationNames.idFor(legacy);

        assertThat(id).startsWith("unlisted-").matches("unlisted-[a-z0-9-]+-[0-9a-f]{8}");
        assertThat(OrganisationIds.isValid(id)).as(id).isTrue();
        assertThat(LegacyOrganisationNames.idFor(legacy)).isEqualTo(id);
        assertThat(LegacyOrganisationNames.idFor(" " + legacy.toLowerCase(Locale.ROOT) + " "))
                .isEqualTo(id);
    }

    @Test
    void lookAlikesStayApartFromTheRealNameAndFromEachOther() {
        assertThat(LegacyOrganisationNames.idFor("NVWA\u200B"))
                .isNotEqualTo("nvwa")
                .isNotEqualTo(LegacyOrganisationNames.idFor("NVW\u0410"));
        // the id is fixed forever: this exact value must come out of every future replay
        assertThat(LegacyOrganisationNames.idFor("Inspectie Leefomgeving en Transport"))
                .isEqualTo("unlisted-inspectie-leefomgeving-en-transport-"
                        + HexFormat.of().formatHex(sha256("inspectie leefomgeving en transport"), 0, 4));
    }

    @Test
    void aLongNameKeepsTheIdWithinItsLength() {
        String id = LegacyOrganisationNames.idFor(
                "Ministerie van Infrastructuur en Waterstaat, directie Internationale Zaken");
        assertThat(OrganisationIds.isValid(id)).as(id).isTrue();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
