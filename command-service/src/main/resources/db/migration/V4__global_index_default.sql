-- Command-service appends events with Axon's JDBC storage engine, which leaves the global index to the database:
-- the column takes its value from its own sequence (one number at a time, see V1) when the insert names no value.
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_global_index_seq');
