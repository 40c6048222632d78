-- A projection copies text from events, and an event, once stored, can never be changed: a value longer than its
-- column would stop the projection at that event for good (a display name of 300 characters stopped all three). The
-- command side decides what text may enter an event; here every column that holds text from an event is TEXT, so any
-- stored event can be projected. VARCHAR to TEXT is binary-compatible: PostgreSQL rewrites no table and no index.
ALTER TABLE action_view
    ALTER COLUMN description TYPE TEXT,
    ALTER COLUMN objective_text TYPE TEXT,
    ALTER COLUMN priority_title TYPE TEXT,
    ALTER COLUMN commitment_remark TYPE TEXT,
    ALTER COLUMN timeframe_raw TYPE TEXT,
    ALTER COLUMN timeframe_type TYPE TEXT,
    ALTER COLUMN status TYPE TEXT,
    ALTER COLUMN organisation TYPE TEXT,
    ALTER COLUMN contact TYPE TEXT,
    ALTER COLUMN last_changed_by TYPE TEXT;

ALTER TABLE action_baseline
    ALTER COLUMN description TYPE TEXT,
    ALTER COLUMN objective_text TYPE TEXT,
    ALTER COLUMN priority_title TYPE TEXT,
    ALTER COLUMN commitment_remark TYPE TEXT;

ALTER TABLE action_state
    ALTER COLUMN event_type TYPE TEXT,
    ALTER COLUMN actor TYPE TEXT,
    ALTER COLUMN reason TYPE TEXT,
    ALTER COLUMN status TYPE TEXT,
    ALTER COLUMN organisation TYPE TEXT,
    ALTER COLUMN contact TYPE TEXT,
    ALTER COLUMN timeframe_raw TYPE TEXT,
    ALTER COLUMN timeframe_type TYPE TEXT;

ALTER TABLE audit_entry
    ALTER COLUMN event_type TYPE TEXT,
    ALTER COLUMN actor TYPE TEXT,
    ALTER COLUMN actor_name TYPE TEXT,
    ALTER COLUMN reason TYPE TEXT,
    ALTER COLUMN correlation_id TYPE TEXT;

ALTER TABLE audit_change
    ALTER COLUMN field TYPE TEXT,
    ALTER COLUMN before_value TYPE TEXT,
    ALTER COLUMN after_value TYPE TEXT;
