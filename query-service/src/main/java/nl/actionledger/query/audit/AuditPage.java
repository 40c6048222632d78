package nl.actionledger.query.audit;

import java.util.List;

/** A page of the audit trail, newest first. {@code page} counts from 0. */
public record AuditPage(List<AuditEntryView> entries, int page, int size, long totalEntries, int totalPages) {
}
