package nl.actionledger.support.security;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.actionledger.events.EventMetadataKeys;

/**
 * Which names a signed-in user may not have. The plan's own registration is recorded with the actor
 * {@value EventMetadataKeys#SYSTEM_ACTOR}; a user of that name, in any case or spelling that reads the same, would
 * make their changes look like the plan's in the audit trail. A name also travels into every event the user causes
 * and from there into the projections, so it must be text PostgreSQL can store and readers can trust.
 */
public final class ActorNames {

    /** Longer names are refused: an identity provider that sends them is misconfigured, not naming a person. */
    public static final int MAX_LENGTH = 255;

    /**
     * Control characters (PostgreSQL cannot store a NUL in text, so one would stop every projection that copies the
     * name), unpaired surrogates, line separators and the bidirectional overrides that make a name read as another.
     */
    private static final Pattern UNSTORABLE =
            Pattern.compile("[\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]");

    private ActorNames() {}

    /** Why {@code name} cannot name an actor, or {@code null} when it can; a missing name is the caller's business. */
    public static String problemWith(String name) {
        if (name == null) {
            return null;
        }
        if (name.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (UNSTORABLE.matcher(name).find()) {
            return "contains control, line-separator or bidirectional-override characters";
        }
        return null;
    }

    /** Whether {@code name} reads as the plan's own actor: compared after NFKC, without invisible characters or case. */
    public static boolean isReserved(String name) {
        if (name == null) {
            return false;
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .codePoints()
                .filter(c -> Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip()
                .toLowerCase(Locale.ROOT);
        return folded.equals(EventMetadataKeys.SYSTEM_ACTOR);
    }
}
