-- V8's trigger, with its one costly expression split in two. PL/pgSQL evaluates an expression without a subquery on a
-- fast path; one with a subquery (the event table's owner, read from pg_class) goes through the full executor each time,
-- and the trigger evaluated that expression for every appended event, although the owner matters only for an event
-- stamped more than 10 seconds from the database's clock, which command-service never appends. Now the owner is read only
-- then. What is checked, refused and stored is unchanged.
CREATE OR REPLACE FUNCTION chain_event() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    previous BYTEA;
BEGIN
    IF NEW.time_stamp IS NULL OR NEW.time_stamp !~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$' THEN
        RAISE EXCEPTION 'event % of % is stamped ''%'', not an ISO-8601 instant in UTC such as 2026-12-03T17:39:00.123Z',
            NEW.sequence_number, NEW.aggregate_identifier, NEW.time_stamp
            USING ERRCODE = 'invalid_datetime_format', CONSTRAINT = 'event_time_stamp_in_utc';
    END IF;
    -- Whatever the writer put in these is replaced: only the database says when and by whom.
    NEW.inserted_at := clock_timestamp();
    NEW.inserted_by := session_user;
    -- Checked when the row is inserted, not when its transaction commits: the services' statement and
    -- idle-in-transaction timeouts bound how much later that can be.
    IF abs(extract(EPOCH FROM NEW.inserted_at - NEW.time_stamp::timestamptz)) > 10 THEN
        IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
            RAISE EXCEPTION 'event % of % is stamped %, more than 10 seconds from the database''s clock (%)',
                NEW.sequence_number, NEW.aggregate_identifier, NEW.time_stamp, NEW.inserted_at
                USING ERRCODE = 'check_violation', CONSTRAINT = 'event_time_near_database_clock';
        END IF;
    END IF;
    IF NEW.sequence_number > 0 THEN
        SELECT event_hash INTO previous FROM event_store.domain_event_entry
        WHERE aggregate_identifier = NEW.aggregate_identifier AND sequence_number = NEW.sequence_number - 1;
        IF previous IS NULL THEN
            RAISE EXCEPTION 'event % of % has no predecessor to chain to', NEW.sequence_number, NEW.aggregate_identifier;
        END IF;
    END IF;
    -- Whatever the writer put there is replaced: only the database computes hashes.
    NEW.event_hash := event_store.event_hash(previous, NEW.type, NEW.aggregate_identifier, NEW.sequence_number,
                                             NEW.time_stamp, NEW.payload_type, NEW.meta_data, NEW.payload,
                                             NEW.inserted_at, NEW.inserted_by);
    RETURN NEW;
END
$$;
