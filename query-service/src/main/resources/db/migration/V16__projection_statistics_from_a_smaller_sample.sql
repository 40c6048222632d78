-- What ANALYZE costs on a table is reading its sample: 300 rows per unit of the largest statistics target of its
-- columns, 30,000 rows at the default of 100. Under write load autovacuum analyzes the three growing tables of the audit
-- trail and the timeline about once a minute, and in the benchmark's write test that was most of its work (1.3 s of
-- CPU a minute for the three). At 30 the sample is 9,000 rows: histograms of 30 buckets over the times, positions and
-- plans these tables are read by, lists of the 30 most common values (actors, plans, event types), enough for the
-- planner to choose between their indexes; the benchmark's reads at 1.3 x 10^6 events check the plans it chooses.
-- Every column of the three tables, so that no column keeps the full sample; a column added later gets the default
-- target, and with it the full sample again: give it the same.
DO $$
DECLARE
    col RECORD;
BEGIN
    FOR col IN
        SELECT attrelid::regclass AS tab, attname FROM pg_attribute
        WHERE attrelid IN ('audit_entry'::regclass, 'audit_change'::regclass, 'action_state'::regclass)
          AND attnum > 0 AND NOT attisdropped
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS 30', col.tab, col.attname);
    END LOOP;
END $$;
