-- Organisations are a list now (OrganisationRegistered/OrganisationChanged events), and assignments name them by id
-- (ActionReassignedEvent revision 2; older events are read through an upcaster). The list gets a projection of its own,
-- fed by the one processor like the others.
CREATE TABLE organisation (
    organisation_id TEXT        PRIMARY KEY,
    display_name    TEXT        NOT NULL,
    aliases         TEXT[]      NOT NULL,
    version         BIGINT      NOT NULL,
    registered_at   TIMESTAMPTZ NOT NULL,
    last_changed_at TIMESTAMPTZ NOT NULL
);
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON organisation TO "${runtime_role}";

-- The views, the timeline and the audit trail held the organisation as free text: they are rebuilt from the first
-- event with ids, as V5 and V7 arranged it (the token goes, the processor starts again from the first event).
DELETE FROM token_entry WHERE processor_name = 'projections';
TRUNCATE audit_change, audit_entry, action_view, action_state, action_baseline;
