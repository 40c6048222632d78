package nl.actionledger.query.integrity;

import nl.actionledger.query.Replays;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the audit trail is being rebuilt, whichever instance rebuilds it (from its stored tokens): until it has
 * caught up, its rows do not yet name every event, so an export filtered through them would leave events out silently.
 */
@Component
class AuditTrailReplays {

    /** The audit trail's processing group (AuditTrailProjection.NAME). */
    static final String AUDIT_TRAIL = "audit-trail";

    private final JdbcClient jdbc;
    private final Serializer serializer;

    /** @param serializer the one Axon's token store writes tokens with */
    AuditTrailReplays(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    boolean running() {
        return jdbc.sql("SELECT token, token_type FROM query_model.token_entry WHERE processor_name = ? AND token IS NOT NULL")
                .param(AUDIT_TRAIL)
                .query((rs, row) -> serializer.<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(
                        rs.getBytes("token"), byte[].class, rs.getString("token_type"), null)))
                .list().stream().anyMatch(Replays::stillReplaying);
    }
}
