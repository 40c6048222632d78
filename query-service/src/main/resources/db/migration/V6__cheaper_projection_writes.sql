-- The timeline is append-only. A state is in force from its event's time until the action's next state begins;
-- queries find that next state instead of every new state closing the previous one with an UPDATE, which in a replay
-- wrote every row twice (and each time all of its index entries).
DROP INDEX action_state_open_idx;
DROP INDEX action_state_plan_valid_from_idx;
ALTER TABLE action_state DROP COLUMN valid_to;
-- What changed in a period, and where a plan's history begins.
CREATE INDEX action_state_plan_valid_from_idx ON action_state (plan_id, valid_from) INCLUDE (position);
-- The state an action was in at an instant: its latest state begun by then, one index probe per action.
CREATE INDEX action_state_in_force_idx ON action_state (aggregate_id, valid_from DESC, sequence_number DESC);

-- A field change no longer checks its audit entry through a foreign key: the check locked the entry's row for every
-- change inserted (a write to the entry's page), and only the projection writes both tables, entry and changes in the
-- same statement batch, and clears them together.
ALTER TABLE audit_change DROP CONSTRAINT audit_change_event_id_fkey;
