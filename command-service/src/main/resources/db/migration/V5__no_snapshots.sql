-- Actions are decided from their events alone. A snapshot sits outside the hash chains: a row written into this table
-- (the runtime login could) assigned an action to another organisation, unchecked, and that organisation's
-- coordinators could then change it. Command-service keeps its actions in memory between commands and no longer reads
-- or takes snapshots (see EventStoreConfiguration); the table stays, empty, because Axon's storage engine names it,
-- and nobody can write to it any more.
DELETE FROM snapshot_event_entry;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON snapshot_event_entry FROM "${runtime_role}";

CREATE FUNCTION refuse_snapshot() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    RAISE EXCEPTION 'snapshots are not used: actions are decided from their events alone'
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER snapshot_event_entry_refused
    BEFORE INSERT OR UPDATE ON snapshot_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_snapshot();
