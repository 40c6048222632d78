-- A bulk rebuild empties the projection tables and appends a whole history in a minute: until autovacuum gets round
-- to them, the planner plans the reads with the statistics of empty tables. The runtime login may not ANALYZE tables
-- it does not own, so this function, owned by the owner and running with its rights, does that and nothing else.
CREATE FUNCTION analyze_projections() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = query_model, pg_temp AS $$
BEGIN
    ANALYZE audit_entry, audit_change, action_state, action_baseline, action_view, organisation;
END $$;

REVOKE ALL ON FUNCTION analyze_projections() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION analyze_projections() TO "${runtime_role}";
