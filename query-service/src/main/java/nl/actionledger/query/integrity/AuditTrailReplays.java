package nl.actionledger.query.integrity;

import nl.actionledger.query.Projection;
import nl.actionledger.query.StoredTokens;
import org.springframework.stereotype.Component;

/**
 * Whether the audit trail is being rebuilt, whichever instance rebuilds it (from the stored tokens): until it has
 * caught up, its rows do not yet name every event, so an export filtered through them would leave events out silently.
 */
@Component
class AuditTrailReplays {

    private final StoredTokens tokens;

    AuditTrailReplays(StoredTokens tokens) {
        this.tokens = tokens;
    }

    boolean running() {
        return tokens.rebuilding(Projection.AUDIT_TRAIL);
    }
}
