package nl.actionledger.query.audit;

import nl.actionledger.query.Projection;
import nl.actionledger.query.rebuild.CopyRows;
import nl.actionledger.query.rebuild.ProjectionBulkLoad;
import nl.actionledger.query.rebuild.StoredEvent;
import org.springframework.stereotype.Component;

/** The audit trail in bulk: the entries {@link EntryFromEvent} makes, the rows {@link AuditTrailWriter} writes. */
@Component
class AuditTrailBulkLoad implements ProjectionBulkLoad {

    @Override
    public Projection projection() {
        return Projection.AUDIT_TRAIL;
    }

    @Override
    public Loader begin() {
        CopyRows entries = CopyRows.into(AuditTrailWriter.ENTRY, AuditTrailWriter.ENTRY_ROW);
        CopyRows changes = CopyRows.into(AuditTrailWriter.CHANGE, AuditTrailWriter.CHANGE_ROW);
        return (events, connection) -> {
            for (StoredEvent event : events) {
                PendingEntry entry = EntryFromEvent.of(event.message());
                entries.row(AuditTrailWriter.entryRow(entry, event.globalIndex()));
                AuditTrailWriter.changeRows(entry, event.globalIndex()).forEach(changes::row);
            }
            entries.copy(connection);
            changes.copy(connection);
        };
    }
}
