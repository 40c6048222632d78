-- History is append-only. Two guards, so that neither a bug nor a stolen application password can rewrite it:
-- 1. the runtime role (the one the service connects with) may read and insert events, never update or delete
--    them; the migration role that owns the tables is a different login;
-- 2. a trigger refuses UPDATE, DELETE and TRUNCATE of events for every role, the owner included.
-- Only a superuser can get past both (by disabling the trigger); the hash chains make that visible.

CREATE FUNCTION refuse_history_rewrite() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the event history is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();

REVOKE ALL ON domain_event_entry FROM PUBLIC;

-- The runtime role of command-service.
GRANT USAGE ON SCHEMA event_store TO "${runtime_role}";
GRANT SELECT, INSERT ON domain_event_entry TO "${runtime_role}";
GRANT USAGE, SELECT ON SEQUENCE domain_event_entry_global_index_seq TO "${runtime_role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry, token_entry, saga_entry, association_value_entry,
    dead_letter_entry TO "${runtime_role}";
GRANT USAGE, SELECT ON SEQUENCE association_value_entry_seq TO "${runtime_role}";

-- The role query-service reads the events with. SELECT on the sequence only so that Hibernate can see it when
-- it validates the mapping.
GRANT USAGE ON SCHEMA event_store TO "${reader_role}";
GRANT SELECT ON domain_event_entry, snapshot_event_entry TO "${reader_role}";
GRANT SELECT ON SEQUENCE domain_event_entry_global_index_seq TO "${reader_role}";
