-- A bulk rebuild appends a whole history with COPY, which leaves every row's hint bits and the tables' visibility maps
-- unset: the first reads after it dirty the pages they touch, index-only scans go to the heap, and autovacuum comes
-- round to do that work for the whole table while the service answers (in the benchmark, while its reads after the
-- rebuild were timed). The rebuild now vacuums the tables itself as its last step. VACUUM cannot run inside a function,
-- so the runtime login gets PostgreSQL 17's MAINTAIN privilege on the projection tables (VACUUM, ANALYZE, REINDEX,
-- CLUSTER, LOCK TABLE), which it rebuilds and may empty already. V12's analyze_projections() stays for an instance of
-- the previous version still running during an upgrade.
GRANT MAINTAIN ON TABLE audit_entry, audit_change, action_state, action_baseline, action_view, organisation
    TO "${runtime_role}";
