-- The display name of the actor (event metadata "actorName", e.g. a token's preferred_username) beside the actor, who
-- is now a stable id such as a token's sub: auditors read the name, search and compare on the id. Events written
-- before the name was recorded have none, so no rebuild is needed: their entries keep a NULL name.
ALTER TABLE audit_entry ADD COLUMN actor_name VARCHAR(255);
