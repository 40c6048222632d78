-- When and by which login each event was inserted, as the database saw it, recorded with the event and inside its
-- hash. The event's own time stamp (time_stamp) is what reports and "as of" queries go by; the services set it, so
-- the trigger now refuses one more than 10 seconds from the database's clock: no login the services use can enter an
-- event into the past of a report. A login that owns the event table (or a superuser: it can disable triggers anyway)
-- may insert older events, to import history; inserted_by shows that it did.
-- Events appended before this migration have neither column and keep the hash they were given (see event_hash).
ALTER TABLE domain_event_entry ADD COLUMN inserted_at TIMESTAMP(6) WITH TIME ZONE, ADD COLUMN inserted_by TEXT;

-- The canonical content of an event appended from now on: that of V3, then the insert's time (UTC, microseconds) and
-- login, each on its own line. For an event without them (appended before), exactly V3's.
CREATE FUNCTION event_hash(previous_hash BYTEA, event_type TEXT, aggregate_identifier TEXT, sequence_number BIGINT,
                           time_stamp TEXT, payload_type TEXT, meta_data BYTEA, payload BYTEA,
                           inserted_at TIMESTAMPTZ, inserted_by TEXT) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp AS
$$
SELECT sha256(convert_to(
                   coalesce(encode(previous_hash, 'hex'), '') || E'\n' || coalesce(event_type, '') || E'\n'
                       || aggregate_identifier || E'\n' || sequence_number::text || E'\n' || time_stamp || E'\n'
                       || payload_type || E'\n'
                       || coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'actor', '') || E'\n'
                       || CASE WHEN inserted_at IS NULL THEN ''
                               ELSE to_char(inserted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || E'\n'
                                        || inserted_by || E'\n' END, 'UTF8')
              || payload)
$$;

CREATE OR REPLACE FUNCTION chain_event() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    previous BYTEA;
BEGIN
    -- Whatever the writer put in these is replaced: only the database says when and by whom.
    NEW.inserted_at := clock_timestamp();
    NEW.inserted_by := session_user;
    IF abs(extract(EPOCH FROM NEW.inserted_at - NEW.time_stamp::timestamptz)) > 10
        AND NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
        RAISE EXCEPTION 'event % of % is stamped %, more than 10 seconds from the database''s clock (%)',
            NEW.sequence_number, NEW.aggregate_identifier, NEW.time_stamp, NEW.inserted_at
            USING ERRCODE = 'check_violation';
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
