-- A bulk rebuild runs on one query-service instance, outside the processor, and sets the projections' secondary
-- indexes aside until it ends. This row tells every instance that it runs (their admin views show the projections as
-- replaying) and whether its instance is still alive (the heartbeat moves with every page): indexes left aside by an
-- instance that died half way are restored by another, not only at the next start.
CREATE TABLE bulk_rebuild (
    processor_name TEXT        NOT NULL PRIMARY KEY,
    instance       TEXT        NOT NULL,
    projections    TEXT[]      NOT NULL,
    up_to          BIGINT      NOT NULL,
    position       BIGINT      NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    heartbeat_at   TIMESTAMPTZ NOT NULL
);
GRANT SELECT, INSERT, UPDATE, DELETE ON bulk_rebuild TO "${runtime_role}";
