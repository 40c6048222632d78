-- The read side of query-service, in the query_model schema: its projections and, beside them, the tokens
-- of the processors that build them, so that rows and token commit in one transaction.

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- Axon registers its saga and dead-letter entities in every JPA application and Hibernate validates them.
CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL PRIMARY KEY,
    saga_type       VARCHAR(255),
    revision        VARCHAR(255),
    serialized_saga BYTEA
);

CREATE SEQUENCE association_value_entry_seq INCREMENT BY 50 START WITH 1;
CREATE TABLE association_value_entry (
    id                BIGINT       NOT NULL PRIMARY KEY,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_id           VARCHAR(255) NOT NULL,
    saga_type         VARCHAR(255)
);

CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    processing_group     VARCHAR(255) NOT NULL,
    sequence_identifier  VARCHAR(255) NOT NULL,
    sequence_index       BIGINT       NOT NULL,
    message_type         VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_touched         TIMESTAMP(6) WITH TIME ZONE,
    processing_started   TIMESTAMP(6) WITH TIME ZONE,
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA
);

-- The current-status view: one row per action, as it stands after its last event.
CREATE TABLE action_view (
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
    timeframe_raw            VARCHAR(255),
    timeframe_type           VARCHAR(255),
    timeframe_from           INTEGER,
    timeframe_to             INTEGER,
    status                   VARCHAR(255),
    organisation             VARCHAR(255),
    contact                  VARCHAR(255),
    version                  BIGINT        NOT NULL,
    last_changed_at          TIMESTAMP(6) WITH TIME ZONE,
    last_changed_by          VARCHAR(255),
    CONSTRAINT action_view_plan_action_key UNIQUE (plan_id, action_id)
);

-- The audit trail: one row per event, never updated; its field changes in audit_change.
CREATE TABLE audit_entry (
    event_id        VARCHAR(255)  NOT NULL PRIMARY KEY,
    global_index    BIGINT        NOT NULL,
    aggregate_id    VARCHAR(255)  NOT NULL,
    plan_id         VARCHAR(255)  NOT NULL,
    action_id       VARCHAR(255)  NOT NULL,
    sequence_number BIGINT        NOT NULL,
    event_type      VARCHAR(100)  NOT NULL,
    occurred_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor           VARCHAR(255),
    reason          VARCHAR(2000),
    correlation_id  VARCHAR(255),
    CONSTRAINT audit_entry_global_index_key UNIQUE (global_index),
    CONSTRAINT audit_entry_aggregate_sequence_key UNIQUE (aggregate_id, sequence_number)
);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, global_index DESC);
CREATE INDEX audit_entry_occurred_at_idx ON audit_entry (occurred_at);
CREATE INDEX audit_entry_plan_idx ON audit_entry (plan_id, global_index DESC);

CREATE TABLE audit_change (
    event_id     VARCHAR(255)  NOT NULL REFERENCES audit_entry (event_id) ON DELETE CASCADE,
    position     INTEGER       NOT NULL,
    field        VARCHAR(64),
    before_value VARCHAR(8000),
    after_value  VARCHAR(8000),
    PRIMARY KEY (event_id, position)
);
