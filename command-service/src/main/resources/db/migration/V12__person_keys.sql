-- Contact persons' names can be erased without touching the hashed events (crypto-shredding): an assignment's event
-- holds the person's id and their name sealed (AES-256-GCM) under a key of that person's own, kept here. Erasing a
-- person appends a PersonErasedEvent and deletes the key in the same transaction; every sealed copy of the name (in
-- events, projections, exports, backups) can then no longer be read, and the hash chains stay as they are.
--
-- name_digest: SHA-256 of the organisation's id and the name as given, so that an assignment naming the same person at
-- the same organisation again reuses their id. It is deleted with the key, and while the key exists it reveals nothing
-- the key and the ciphertext do not reveal to the same logins already.
CREATE TABLE person_key (
    person_id   TEXT        NOT NULL PRIMARY KEY,
    key         BYTEA       NOT NULL CHECK (length(key) = 32),
    name_digest BYTEA       NOT NULL CHECK (length(name_digest) = 32),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT person_key_name_digest_key UNIQUE (name_digest)
);
REVOKE ALL ON person_key FROM PUBLIC;

-- A key is never replaced (that would erase a person silently, or let a name be read as another's): UPDATE and TRUNCATE
-- are refused for every login, the owner included.
CREATE FUNCTION refuse_person_key_rewrite() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    RAISE EXCEPTION 'person keys are never changed, only deleted by an erasure: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER person_key_no_update BEFORE UPDATE ON person_key
    FOR EACH ROW EXECUTE FUNCTION refuse_person_key_rewrite();
CREATE TRIGGER person_key_no_truncate BEFORE TRUNCATE ON person_key
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_person_key_rewrite();

-- A key may be deleted only by a transaction that also records the erasure in the hash chain: when it commits, the
-- event table must hold the person's PersonErasedEvent (appended as command-service appends every event, with its
-- actor). Checked at commit (deferred), whichever of the two statements came first. So no login, the owner included,
-- can erase a person without the erasure showing in the audit trail.
CREATE FUNCTION require_person_erased_event() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM event_store.domain_event_entry
                   WHERE aggregate_identifier = 'person:' || OLD.person_id
                     AND payload_type = 'nl.actionledger.events.PersonErasedEvent') THEN
        RAISE EXCEPTION 'the key of person % may only be deleted together with their PersonErasedEvent', OLD.person_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER person_key_deleted_only_by_an_erasure AFTER DELETE ON person_key
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION require_person_erased_event();

-- Command-service names people (insert) and erases them (delete, see above); it never updates a key.
GRANT SELECT, INSERT, DELETE ON person_key TO "${runtime_role}";
-- Query-service opens the sealed names it shows: the key, never the digest.
GRANT SELECT (person_id, key) ON person_key TO "${reader_role}";
