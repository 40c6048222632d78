-- The answer to each change sent with an Idempotency-Key, so that a client that did not get its answer (a timeout, a
-- dropped connection) can send the same request again and gets the first answer instead of a second change. Keys
-- belong to the user who sent them. An accepted change's key is inserted in the transaction that appends its event,
-- so the two exist together or not at all; a refusal's key on its own. Not part of the history: rows older than the
-- retention (at least 24 hours) are deleted.
CREATE TABLE idempotency_key (
    actor               TEXT        NOT NULL,
    idempotency_key     TEXT        NOT NULL,
    request_fingerprint BYTEA       NOT NULL,
    status              SMALLINT    NOT NULL,
    version             BIGINT,
    error_code          TEXT,
    detail              TEXT,
    correlation_id      TEXT        NOT NULL,
    recorded_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, idempotency_key)
);
CREATE INDEX idempotency_key_recorded_at_idx ON idempotency_key (recorded_at);

GRANT SELECT, INSERT, DELETE ON idempotency_key TO "${runtime_role}";
