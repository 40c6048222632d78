package nl.actionledger.support.security;

import java.text.Normalizer;
import java.util.Locale;
import nl.actionledger.events.EventMetadataKeys;

/**
 * Which names a signed-in user may not have. The plan's own registration is recorded with the actor
 * {@value EventMetadataKeys#SYSTEM_ACTOR}; a user of that name, in any case or spelling that reads the same, would
 * make their changes look like the plan's in the audit trail.
 */
public final class ActorNames {

    private ActorNames() {
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
                .toString().strip().toLowerCase(Locale.ROOT);
        return folded.equals(EventMetadataKeys.SYSTEM_ACTOR);
    }
}
