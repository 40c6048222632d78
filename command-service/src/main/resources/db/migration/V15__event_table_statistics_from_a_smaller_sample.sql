-- What ANALYZE costs on the event table is reading its sample: 300 rows per unit of the largest statistics target of its
-- columns, 30,000 rows at the default of 100. Under write load autovacuum analyzes the growing table about once a minute,
-- and that was the dearest of its work in the benchmark's write test (0.5 s of CPU each time, more than vacuuming).
-- Nothing reads the event table but by its keys: an action's events by action and version, pages by position (the
-- processors, the checks, the export), organisations' events through their partial index. With the statistics of a
-- 3,000-row sample the planner chooses the same plans for all of them (checked with EXPLAIN at 220,000 events: every
-- plan identical, the row estimates within a few percent), and ANALYZE reads a tenth of the rows (55 against 350-620 ms
-- there). A column added later gets the default target, and with it the full sample again: give it the same.
ALTER TABLE domain_event_entry
    ALTER COLUMN global_index SET STATISTICS 10,
    ALTER COLUMN event_identifier SET STATISTICS 10,
    ALTER COLUMN aggregate_identifier SET STATISTICS 10,
    ALTER COLUMN sequence_number SET STATISTICS 10,
    ALTER COLUMN type SET STATISTICS 10,
    ALTER COLUMN time_stamp SET STATISTICS 10,
    ALTER COLUMN payload_type SET STATISTICS 10,
    ALTER COLUMN payload_revision SET STATISTICS 10,
    ALTER COLUMN payload SET STATISTICS 10,
    ALTER COLUMN meta_data SET STATISTICS 10,
    ALTER COLUMN event_hash SET STATISTICS 10,
    ALTER COLUMN inserted_at SET STATISTICS 10,
    ALTER COLUMN inserted_by SET STATISTICS 10;
