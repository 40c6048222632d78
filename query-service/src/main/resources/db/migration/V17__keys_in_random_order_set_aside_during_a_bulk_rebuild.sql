-- A bulk rebuild of every projection appends the audit trail and the timeline in the order of the events, but two of
-- their keys are in the order of actions: the timeline's primary key and the audit trail's unique (aggregate_id,
-- sequence_number). Every row appended went down each of them to a random page (B-tree descents were about a quarter
-- of the writing backends' time in a profile of the rebuild); built once at the end, each is one sort. Neither is what
-- a write's ON CONFLICT names (the audit trail's is its position, global_index; the timeline's writes read an action's
-- state first and insert only what comes after it), so the projections' writes work without them should a rebuild
-- stop half way; they are built again with the secondary indexes (at the next start, or by the first instance that
-- looks once the rebuild's heartbeat has stopped). The other keys stay.
CREATE OR REPLACE FUNCTION set_aside_projection_indexes() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = query_model, pg_temp AS $$
BEGIN
    DROP INDEX IF EXISTS audit_entry_actor_idx;
    DROP INDEX IF EXISTS audit_entry_occurred_at_idx;
    DROP INDEX IF EXISTS audit_entry_plan_idx;
    DROP INDEX IF EXISTS action_state_plan_valid_from_idx;
    DROP INDEX IF EXISTS action_state_in_force_idx;
    DROP INDEX IF EXISTS action_state_status_changes_idx;
    ALTER TABLE audit_entry DROP CONSTRAINT IF EXISTS audit_entry_aggregate_sequence_key;
    ALTER TABLE action_state DROP CONSTRAINT IF EXISTS action_state_pkey;
END $$;

CREATE OR REPLACE FUNCTION restore_projection_indexes() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = query_model, pg_temp AS $$
BEGIN
    IF to_regclass('query_model.audit_entry_aggregate_sequence_key') IS NULL THEN
        ALTER TABLE audit_entry
            ADD CONSTRAINT audit_entry_aggregate_sequence_key UNIQUE (aggregate_id, sequence_number);
    END IF;
    IF to_regclass('query_model.action_state_pkey') IS NULL THEN
        ALTER TABLE action_state ADD CONSTRAINT action_state_pkey PRIMARY KEY (aggregate_id, sequence_number);
    END IF;
    CREATE INDEX IF NOT EXISTS audit_entry_actor_idx ON audit_entry (actor, global_index DESC);
    CREATE INDEX IF NOT EXISTS audit_entry_occurred_at_idx ON audit_entry (occurred_at, global_index);
    CREATE INDEX IF NOT EXISTS audit_entry_plan_idx ON audit_entry (plan_id, global_index DESC);
    CREATE INDEX IF NOT EXISTS action_state_plan_valid_from_idx ON action_state (plan_id, valid_from) INCLUDE (position);
    CREATE INDEX IF NOT EXISTS action_state_in_force_idx
        ON action_state (aggregate_id, valid_from DESC, sequence_number DESC);
    CREATE INDEX IF NOT EXISTS action_state_status_changes_idx ON action_state (plan_id, valid_from)
        INCLUDE (status, previous_status) WHERE status IS DISTINCT FROM previous_status;
END $$;
