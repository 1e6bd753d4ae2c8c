-- Every change an operator asked of the query side (replays, verified replays, segment splits and merges, dead-letter
-- retries and evictions, ranking rebuilds): who, when, what and how it was answered. Read by GET /api/admin/actions.
CREATE TABLE operator_action (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    operator    VARCHAR(64) NOT NULL,
    method      VARCHAR(8) NOT NULL,
    path        VARCHAR(512) NOT NULL,
    query       VARCHAR(1024),
    status      SMALLINT NOT NULL,
    correlation_id VARCHAR(128)
);
CREATE INDEX operator_action_at ON operator_action (at DESC, id DESC);
