-- Dead letters an operator evicted (DELETE /api/admin/dead-letters/{group}/{id}): who, when, which event and why it
-- had failed. An evicted event is never applied to its read model, so this is the record of a deliberate gap.

CREATE TABLE dead_letter_eviction (
    eviction_id            BIGINT GENERATED ALWAYS AS IDENTITY,
    processing_group       VARCHAR(255)  NOT NULL,
    dead_letter_identifier VARCHAR(255)  NOT NULL,
    sequence_identifier    VARCHAR(255)  NOT NULL,
    event_identifier       VARCHAR(255)  NOT NULL,
    payload_type           VARCHAR(255)  NOT NULL,
    aggregate_identifier   VARCHAR(255),
    sequence_number        BIGINT,
    cause_type             VARCHAR(255),
    cause_message          VARCHAR(1023),
    enqueued_at            VARCHAR(255)  NOT NULL,
    evicted_by             VARCHAR(64)   NOT NULL,
    evicted_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT dead_letter_eviction_pk PRIMARY KEY (eviction_id)
);

CREATE INDEX dead_letter_eviction_group_idx ON dead_letter_eviction (processing_group, evicted_at);
