-- /api/audit/export over a period pages in the order events were recorded (time, then position), continuing after the
-- last event of the previous page: one range of this index per page, however early or late the period lies in the
-- history. It replaces the index on occurred_at alone, which served the same period filters, so the audit trail keeps
-- as many indexes to maintain (replays) as before.
DROP INDEX audit_entry_occurred_at_idx;
CREATE INDEX audit_entry_occurred_at_idx ON audit_entry (occurred_at, global_index);
