-- Checkpoints are history too: TRUNCATE, which row triggers do not see, is refused like UPDATE and DELETE.
CREATE TRIGGER chain_checkpoint_no_truncate BEFORE TRUNCATE ON chain_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER chain_checkpoint_head_no_truncate BEFORE TRUNCATE ON chain_checkpoint_head
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();

-- The functions the triggers run resolve every name they use in a fixed place, whatever search_path the session that
-- fires them has set: a session could otherwise put its own sha256() or encode() in front of PostgreSQL's.
-- pg_temp last, so that not even a temporary object can shadow them.
ALTER FUNCTION refuse_history_rewrite() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION chain_event() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION event_hash(BYTEA, TEXT, TEXT, BIGINT, TEXT, TEXT, BYTEA, BYTEA) SET search_path = pg_catalog, pg_temp;
