-- Tamper evidence. Every event carries a SHA-256 hash over its canonical content, chained to the previous event
-- of the same action, computed here when it is appended, whoever appends it. Chaining per action keeps appends
-- to different actions independent. Checkpoints record the heads of all chains, so that a removed last event or
-- a removed chain shows as well. The canonical content, so that anyone can recompute it (see README):
--   sha256( utf8( previous hash in lower-case hex, or "" for the first event
--                 + "\n" + type + "\n" + aggregate id + "\n" + sequence number + "\n" + time stamp
--                 + "\n" + payload type + "\n" + actor (metadata "actor", or "") + "\n" )
--           || payload bytes )

CREATE FUNCTION event_hash(previous_hash BYTEA, event_type TEXT, aggregate_identifier TEXT, sequence_number BIGINT,
                           time_stamp TEXT, payload_type TEXT, meta_data BYTEA, payload BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
SELECT sha256(convert_to(
                   coalesce(encode(previous_hash, 'hex'), '') || E'\n' || coalesce(event_type, '') || E'\n'
                       || aggregate_identifier || E'\n' || sequence_number::text || E'\n' || time_stamp || E'\n'
                       || payload_type || E'\n'
                       || coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'actor', '') || E'\n', 'UTF8')
              || payload)
$$;

ALTER TABLE domain_event_entry ADD COLUMN event_hash BYTEA;

-- Hash the events that are already there, chain by chain.
ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only;
DO
$$
    DECLARE
        event    RECORD;
        previous BYTEA;
        chain    TEXT;
    BEGIN
        FOR event IN SELECT * FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number
            LOOP
                IF chain IS DISTINCT FROM event.aggregate_identifier THEN
                    previous := NULL;
                    chain := event.aggregate_identifier;
                END IF;
                previous := event_hash(previous, event.type, event.aggregate_identifier, event.sequence_number,
                                       event.time_stamp, event.payload_type, event.meta_data, event.payload);
                UPDATE domain_event_entry SET event_hash = previous WHERE global_index = event.global_index;
            END LOOP;
    END
$$;
ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only;
ALTER TABLE domain_event_entry ALTER COLUMN event_hash SET NOT NULL;

CREATE FUNCTION chain_event() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    previous BYTEA;
BEGIN
    IF NEW.sequence_number > 0 THEN
        SELECT event_hash INTO previous FROM event_store.domain_event_entry
        WHERE aggregate_identifier = NEW.aggregate_identifier AND sequence_number = NEW.sequence_number - 1;
        IF previous IS NULL THEN
            RAISE EXCEPTION 'event % of % has no predecessor to chain to', NEW.sequence_number, NEW.aggregate_identifier;
        END IF;
    END IF;
    -- Whatever the writer put there is replaced: only the database computes hashes.
    NEW.event_hash := event_store.event_hash(previous, NEW.type, NEW.aggregate_identifier, NEW.sequence_number,
                                             NEW.time_stamp, NEW.payload_type, NEW.meta_data, NEW.payload);
    RETURN NEW;
END
$$;

CREATE TRIGGER domain_event_entry_chain
    BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION chain_event();

-- Checkpoints: a digest over the heads of all chains up to a position, and the heads that changed since the
-- previous checkpoint. Append-only like the events.
CREATE TABLE chain_checkpoint (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL DEFAULT now(),
    position    BIGINT  NOT NULL,
    chains      INTEGER NOT NULL,
    events      BIGINT  NOT NULL,
    digest      BYTEA   NOT NULL
);
CREATE TABLE chain_checkpoint_head (
    checkpoint_id        BIGINT       NOT NULL REFERENCES chain_checkpoint (id),
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    event_hash           BYTEA        NOT NULL,
    PRIMARY KEY (aggregate_identifier, checkpoint_id)
);
CREATE TRIGGER chain_checkpoint_append_only BEFORE UPDATE OR DELETE ON chain_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER chain_checkpoint_head_append_only BEFORE UPDATE OR DELETE ON chain_checkpoint_head
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();

-- Records a checkpoint at the highest position whose events are all older than the margin, so that no
-- transaction still in flight can later add an event below it. Returns the new checkpoint's id, or the last
-- one's when nothing was appended since.
CREATE FUNCTION record_checkpoint(margin INTERVAL) RETURNS BIGINT
    LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = event_store, pg_temp AS
$$
DECLARE
    last_checkpoint chain_checkpoint%ROWTYPE;
    safe_position   BIGINT;
    new_id          BIGINT;
BEGIN
    SELECT * INTO last_checkpoint FROM chain_checkpoint ORDER BY id DESC LIMIT 1;
    SELECT coalesce(max(global_index), 0) INTO safe_position FROM domain_event_entry
    WHERE time_stamp::timestamptz < now() - margin;
    IF last_checkpoint.id IS NOT NULL AND safe_position <= last_checkpoint.position THEN
        RETURN last_checkpoint.id;
    END IF;
    INSERT INTO chain_checkpoint (position, chains, events, digest)
    SELECT safe_position, count(*), coalesce(sum(heads.sequence_number + 1), 0),
           sha256(convert_to(coalesce(string_agg(heads.aggregate_identifier || ':' || heads.sequence_number || ':'
                                                     || encode(heads.event_hash, 'hex'), E'\n'
                                                 ORDER BY heads.aggregate_identifier), ''), 'UTF8'))
    FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number, event_hash
          FROM domain_event_entry WHERE global_index <= safe_position
          ORDER BY aggregate_identifier, sequence_number DESC) heads
    RETURNING id INTO new_id;
    INSERT INTO chain_checkpoint_head (checkpoint_id, aggregate_identifier, sequence_number, event_hash)
    SELECT new_id, heads.aggregate_identifier, heads.sequence_number, heads.event_hash
    FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number, event_hash
          FROM domain_event_entry WHERE global_index <= safe_position
          ORDER BY aggregate_identifier, sequence_number DESC) heads
    WHERE NOT EXISTS (SELECT 1 FROM chain_checkpoint_head earlier
                      WHERE earlier.aggregate_identifier = heads.aggregate_identifier
                        AND earlier.sequence_number = heads.sequence_number
                        AND earlier.event_hash = heads.event_hash);
    RETURN new_id;
END
$$;

REVOKE ALL ON chain_checkpoint, chain_checkpoint_head FROM PUBLIC;
REVOKE ALL ON FUNCTION record_checkpoint(INTERVAL) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_checkpoint(INTERVAL) TO "${runtime_role}";
GRANT SELECT ON chain_checkpoint, chain_checkpoint_head TO "${runtime_role}", "${reader_role}";
