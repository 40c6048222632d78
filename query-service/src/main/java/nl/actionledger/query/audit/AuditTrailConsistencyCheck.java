package nl.actionledger.query.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Replays;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares the audit trail with the event table: every event up to the position the audit-trail processor
 * has reached must have exactly one entry, and no entry may lack its event. A streaming processor can pass
 * over an event for good when a commit outlives the gap timeout; this is how such a hole shows. The result is
 * logged and reported as the {@code auditTrail} health indicator (DOWN when they differ).
 */
@Component("auditTrail")
class AuditTrailConsistencyCheck implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailConsistencyCheck.class);
    private static final int MAX_REPORTED = 20;

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private volatile AuditTrailConsistency last = AuditTrailConsistency.notChecked("not checked yet");

    AuditTrailConsistencyCheck(JdbcClient jdbc, EventProcessingConfiguration processing, TokenStore tokenStore,
                               TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
    }

    @Scheduled(initialDelayString = "${actionledger.audit-check.initial-delay:PT20S}",
            fixedDelayString = "${actionledger.audit-check.interval:PT5M}")
    void runScheduled() {
        check();
    }

    AuditTrailConsistency check() {
        AuditTrailConsistency result = compare();
        if (result.checked() && !result.consistent()) {
            log.error("Audit trail differs from the event table: {}", result);
        } else {
            log.debug("Audit trail consistent: {}", result);
        }
        last = result;
        return result;
    }

    private AuditTrailConsistency compare() {
        StreamingEventProcessor processor = processing
                .eventProcessor(Projection.PROCESSOR, StreamingEventProcessor.class).orElse(null);
        if (processor == null || !processor.isRunning()) {
            return AuditTrailConsistency.notChecked("the projections processor is not running here");
        }
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        int segments = transactions.execute(tx -> tokenStore.fetchSegments(Projection.PROCESSOR).length);
        if (status.size() < segments) {
            return AuditTrailConsistency.notChecked("another instance holds some of the projections segments");
        }
        if (status.values().stream().anyMatch(Replays::stillReplaying)) {
            return AuditTrailConsistency.notChecked("the projections are being replayed");
        }
        long horizon = Long.MAX_VALUE;
        Set<Long> pending = new HashSet<>();
        for (EventTrackerStatus segment : status.values()) {
            OptionalLong position = segment.getCurrentPosition();
            horizon = Math.min(horizon, position.orElse(-1));
            if (WrappedToken.unwrapLowerBound(segment.getTrackingToken()) instanceof GapAwareTrackingToken gapAware) {
                pending.addAll(gapAware.getGaps());
            }
        }
        return compareUpTo(horizon, pending);
    }

    private AuditTrailConsistency compareUpTo(long horizon, Set<Long> pending) {
        List<Long> missing = jdbc.sql("""
                        SELECT e.global_index FROM event_store.domain_event_entry e
                        WHERE e.global_index <= :horizon
                          AND NOT EXISTS (SELECT 1 FROM query_model.audit_entry a WHERE a.global_index = e.global_index)
                        ORDER BY e.global_index LIMIT :limit""")
                .param("horizon", horizon).param("limit", MAX_REPORTED + pending.size())
                .query(Long.class).list().stream()
                .filter(index -> !pending.contains(index)).limit(MAX_REPORTED).toList();
        List<Long> orphaned = jdbc.sql("""
                        SELECT a.global_index FROM query_model.audit_entry a
                        WHERE NOT EXISTS (SELECT 1 FROM event_store.domain_event_entry e
                                          WHERE e.global_index = a.global_index AND e.event_identifier = a.event_id)
                        ORDER BY a.global_index LIMIT :limit""")
                .param("limit", MAX_REPORTED).query(Long.class).list();
        long events = jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry WHERE global_index <= :horizon")
                .param("horizon", horizon).query(Long.class).single();
        long auditEntries = jdbc.sql("SELECT count(*) FROM query_model.audit_entry WHERE global_index <= :horizon")
                .param("horizon", horizon).query(Long.class).single();
        return AuditTrailConsistency.checked(horizon, events, auditEntries, missing, orphaned);
    }

    @Override
    public Health health() {
        AuditTrailConsistency result = last;
        Health.Builder health = !result.checked() ? Health.unknown()
                : result.consistent() ? Health.up() : Health.down();
        return health.withDetails(result.details()).build();
    }
}
