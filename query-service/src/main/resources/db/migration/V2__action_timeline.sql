-- The temporal projection (processing group "action-timeline"): every state each action has been in, with the
-- interval in which it held, so that the plan at any instant is one indexed query instead of a replay.

-- What an action was registered with and what no event changes yet: stored once, not per state.
CREATE TABLE action_baseline (
    aggregate_id             VARCHAR(255)  NOT NULL PRIMARY KEY,
    plan_id                  VARCHAR(255)  NOT NULL,
    action_id                VARCHAR(255)  NOT NULL,
    eu_action_number         INTEGER,
    description              VARCHAR(8000),
    objective_number         INTEGER       NOT NULL,
    objective_text           VARCHAR(1000),
    objective_inferred       BOOLEAN       NOT NULL,
    priority_number          INTEGER       NOT NULL,
    priority_title           VARCHAR(1000),
    commitment_national      BOOLEAN       NOT NULL,
    commitment_eu            BOOLEAN       NOT NULL,
    commitment_international BOOLEAN       NOT NULL,
    commitment_remark        VARCHAR(1000),
    CONSTRAINT action_baseline_plan_action_key UNIQUE (plan_id, action_id)
);

-- One row per event of an action: the state that event began, valid from its time until the next event's.
CREATE TABLE action_state (
    aggregate_id    VARCHAR(255)  NOT NULL,
    sequence_number BIGINT        NOT NULL,
    plan_id         VARCHAR(255)  NOT NULL,
    action_id       VARCHAR(255)  NOT NULL,
    valid_from      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    valid_to        TIMESTAMP(6) WITH TIME ZONE,
    position        BIGINT        NOT NULL,
    event_type      VARCHAR(100)  NOT NULL,
    actor           VARCHAR(255),
    reason          VARCHAR(2000),
    status          VARCHAR(32)   NOT NULL,
    organisation    VARCHAR(255),
    contact         VARCHAR(255),
    timeframe_raw   VARCHAR(255)  NOT NULL,
    timeframe_type  VARCHAR(32)   NOT NULL,
    timeframe_from  INTEGER,
    timeframe_to    INTEGER,
    PRIMARY KEY (aggregate_id, sequence_number)
);
CREATE INDEX action_state_plan_valid_from_idx ON action_state (plan_id, valid_from) INCLUDE (valid_to, position);
CREATE UNIQUE INDEX action_state_open_idx ON action_state (aggregate_id) WHERE valid_to IS NULL;
