package nl.actionledger.support.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Map;

/**
 * The organisation ids of the free-text names that assignments of revision 1 carried (before organisations were a
 * list), for the upcaster. FROZEN: events are upcast every time they are read, so a replay next year must map a name
 * exactly as today does, whatever the list of organisations has become by then. Never change an entry or add one
 * (a change would move old assignments between organisations on the next replay); correct an assignment with a new
 * reassignment instead.
 * <p>
 * A name is compared as the old code compared names ({@link OrganisationNames#key}: stripped, without regard to case).
 * A name not in the table gets an id of its own, {@code unlisted-<slug>-<8 hex digits of the SHA-256 of the compared
 * form>}: the same name always gets the same id, names the old code told apart (a zero-width space, a Cyrillic letter)
 * stay apart, and an admin can register that id to give it a display name.
 */
public final class LegacyOrganisationNames {

    static final String UNLISTED_PREFIX = "unlisted-";
    private static final int SLUG_LENGTH = 40;

    /** Compared form of a legacy name → id. The names the Dutch plan's organisations went by, in Dutch and English. */
    private static final Map<String, String> FROZEN = Map.ofEntries(
            Map.entry("lvvn", "lvvn"),
            Map.entry("lnv", "lvvn"),
            Map.entry("ministerie van lnv", "lvvn"),
            Map.entry("ministerie van lvvn", "lvvn"),
            Map.entry("ministerie van landbouw, natuur en voedselkwaliteit", "lvvn"),
            Map.entry("ministerie van landbouw, visserij, voedselzekerheid en natuur", "lvvn"),
            Map.entry("ministry of agriculture, nature and food quality", "lvvn"),
            Map.entry("ministry of agriculture, fisheries, food security and nature", "lvvn"),
            Map.entry("rvo", "rvo"),
            Map.entry("rvo cites", "rvo"),
            Map.entry("rvo cites bureau", "rvo"),
            Map.entry("cites bureau", "rvo"),
            Map.entry("rijksdienst voor ondernemend nederland", "rvo"),
            Map.entry("netherlands enterprise agency", "rvo"),
            Map.entry("nvwa", "nvwa"),
            Map.entry("nederlandse voedsel- en warenautoriteit", "nvwa"),
            Map.entry("netherlands food and consumer product safety authority", "nvwa"),
            Map.entry("douane", "douane"),
            Map.entry("customs", "douane"),
            Map.entry("dutch customs", "douane"),
            Map.entry("nationale politie", "politie"),
            Map.entry("politie", "politie"),
            Map.entry("police", "politie"),
            Map.entry("national police", "politie"),
            Map.entry("om", "om"),
            Map.entry("openbaar ministerie", "om"),
            Map.entry("public prosecution service", "om"),
            Map.entry("fiod", "fiod"),
            Map.entry("jenv", "jenv"),
            Map.entry("j&v", "jenv"),
            Map.entry("ministerie van justitie en veiligheid", "jenv"),
            Map.entry("ministry of justice and security", "jenv"),
            Map.entry("bz", "bz"),
            Map.entry("ministerie van buitenlandse zaken", "bz"),
            Map.entry("ministry of foreign affairs", "bz"));

    private LegacyOrganisationNames() {}

    /** The id a legacy free-text organisation name stands for: pure, the same on every call and every replay. */
    public static String idFor(String legacyName) {
        String key = OrganisationNames.key(legacyName);
        String listed = FROZEN.get(key);
        return listed != null ? listed : UNLISTED_PREFIX + slug(key) + "-" + shortHash(key);
    }

    private static String slug(String key) {
        String ascii = Normalizer.normalize(key, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "organisation" : slug;
    }

    private static String shortHash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
