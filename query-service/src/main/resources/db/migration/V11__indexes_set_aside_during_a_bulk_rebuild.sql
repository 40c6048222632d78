-- A bulk rebuild of every projection appends a whole history of rows; keeping each secondary index up to date row by
-- row costs PostgreSQL more than building it once at the end. The runtime login may not drop or create indexes (it
-- does not own the tables), so these two functions, owned by the owner and running with its rights, do exactly that
-- and nothing else. Primary keys and unique constraints stay: the projections' idempotent writes rely on them.
-- Restoring is idempotent (IF NOT EXISTS): query-service calls it at every start too, should a rebuild have stopped
-- half way. The definitions are those of V1, V4 and V6.
CREATE FUNCTION set_aside_projection_indexes() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = query_model, pg_temp AS $$
BEGIN
    DROP INDEX IF EXISTS audit_entry_actor_idx;
    DROP INDEX IF EXISTS audit_entry_occurred_at_idx;
    DROP INDEX IF EXISTS audit_entry_plan_idx;
    DROP INDEX IF EXISTS action_state_plan_valid_from_idx;
    DROP INDEX IF EXISTS action_state_in_force_idx;
END $$;

CREATE FUNCTION restore_projection_indexes() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = query_model, pg_temp AS $$
BEGIN
    CREATE INDEX IF NOT EXISTS audit_entry_actor_idx ON audit_entry (actor, global_index DESC);
    CREATE INDEX IF NOT EXISTS audit_entry_occurred_at_idx ON audit_entry (occurred_at, global_index);
    CREATE INDEX IF NOT EXISTS audit_entry_plan_idx ON audit_entry (plan_id, global_index DESC);
    CREATE INDEX IF NOT EXISTS action_state_plan_valid_from_idx ON action_state (plan_id, valid_from) INCLUDE (position);
    CREATE INDEX IF NOT EXISTS action_state_in_force_idx
        ON action_state (aggregate_id, valid_from DESC, sequence_number DESC);
END $$;

REVOKE ALL ON FUNCTION set_aside_projection_indexes(), restore_projection_indexes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_aside_projection_indexes(), restore_projection_indexes() TO "${runtime_role}";
