-- Idempotency-Key records of the command API (dev.jangteo.command.web.idempotency). The primary key is the lock:
-- whichever command-side instance inserts (owner, key) first runs the request; the others see the row. A row without
-- a status is in flight; with one, it holds the response to replay until it expires.

CREATE TABLE idempotency_key (
    owner              VARCHAR(255) NOT NULL,
    idempotency_key    VARCHAR(255) NOT NULL,
    fingerprint        CHAR(64)     NOT NULL,
    started_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at         TIMESTAMPTZ  NOT NULL,
    response_status    INTEGER,
    content_type       VARCHAR(255),
    location           VARCHAR(2048),
    consistency_token  VARCHAR(64),
    response_body      BYTEA,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (owner, idempotency_key)
);

CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);
