package nl.actionledger.query.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit entries of events the projections passed over: an event whose transaction committed after the
 * processors had given up waiting for its position (the gap timeout). The entry is derived from the event exactly as
 * the projection derives it ({@link EntryFromEvent}) and written as the projection writes it, so writing it twice
 * (another instance repairing too, the projection catching up after all) changes nothing.
 *
 * <p>Only the audit trail is repaired: the current views and the timeline may then lack that change too, which only
 * a replay mends; the log says so. Each repaired entry counts in {@code actionledger.audit_trail.repaired_entries}.
 */
@Component
class AuditTrailRepair {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailRepair.class);

    private final EventStorageEngine events;
    private final AuditTrailWriter writer;
    private final TransactionTemplate transactions;
    private final Counter repaired;

    AuditTrailRepair(
            EventStorageEngine events,
            AuditTrailWriter writer,
            TransactionTemplate transactions,
            MeterRegistry meters) {
        this.events = events;
        this.writer = writer;
        this.transactions = transactions;
        this.repaired = Counter.builder("actionledger.audit_trail.repaired_entries")
                .description("Audit entries written by the consistency check for events the projections passed over")
                .register(meters);
    }

    /** Writes the entries of the events at these positions; returns the positions it wrote. */
    List<Long> writeMissing(List<Long> positions) {
        List<PendingEntry> entries = new ArrayList<>();
        List<Long> found = new ArrayList<>();
        for (long position : positions) {
            try (Stream<? extends TrackedEventMessage<?>> stream =
                    events.readEvents(GapAwareTrackingToken.newInstance(position - 1, Set.of()), false)) {
                stream.findFirst()
                        .filter(event -> event.trackingToken().position().orElse(-1) == position)
                        .filter(DomainEventMessage.class::isInstance)
                        .ifPresent(event -> {
                            entries.add(EntryFromEvent.of((DomainEventMessage<?>) event));
                            found.add(position);
                        });
            }
        }
        if (!entries.isEmpty()) {
            transactions.executeWithoutResult(tx -> writer.write(entries));
            repaired.increment(entries.size());
            log.error(
                    "The projections passed over the events at positions {} (committed after the gap timeout); their "
                            + "audit entries are written now. The current views and the timeline may lack these changes until "
                            + "the projections are replayed: POST /api/admin/projections/replay",
                    found);
        }
        return found;
    }
}
