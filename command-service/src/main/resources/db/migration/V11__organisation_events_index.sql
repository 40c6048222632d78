-- Organisations are aggregates of their own (organisation:<id>, type 'Organisation'), their events in this table and
-- in the hash chains like an action's. Command-service reads the whole list often (to resolve the organisation a request
-- or a sign-in names): this index keeps that from scanning the actions' history.
CREATE INDEX domain_event_entry_organisation_idx ON domain_event_entry (aggregate_identifier, sequence_number)
    WHERE type = 'Organisation';
