-- The events' identifiers are random UUIDs that command-service generates; nothing looks an event up by its identifier
-- (query-service finds an event by its action and version when the row it read is not at hand), and neither the hash
-- chains nor the audit trail's positions depend on them. Their unique index cost every append an insertion at a random
-- place of an ever larger index: the dearest of the event table's indexes to keep up. What identifies an event stays
-- unique: its position (the primary key) and its action and version (the key that keeps two instances from appending
-- the same version).
ALTER TABLE domain_event_entry DROP CONSTRAINT domain_event_entry_event_identifier_key;
