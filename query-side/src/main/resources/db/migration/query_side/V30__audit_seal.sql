-- Tamper evidence (dev.jangteo.query.audit.Sealer): a SHA-256 hash chain over the event store in global order.
-- One row per sealed event, with its position and identifier, so that a deleted event (a seal without its event),
-- an inserted one (an event without a seal inside the sealed range) and a changed one (a seal that no longer matches)
-- can each be told apart by GET /api/audit/verify. Positions the store never filled (rolled-back transactions) have
-- no row.
CREATE TABLE audit_seal (
    global_index     BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    seal             BYTEA        NOT NULL,
    CONSTRAINT audit_seal_pk PRIMARY KEY (global_index)
);

-- Where the chain ends: the last sealed position and its seal (zeros before the first event). One row, locked by the
-- sealer for each batch, so two query-side instances never both extend the chain.
CREATE TABLE audit_seal_head (
    id        BOOLEAN     NOT NULL DEFAULT TRUE,
    position  BIGINT      NOT NULL,
    seal      BYTEA       NOT NULL,
    sealed_at TIMESTAMPTZ,
    CONSTRAINT audit_seal_head_pk PRIMARY KEY (id),
    CONSTRAINT audit_seal_head_single_row CHECK (id)
);

INSERT INTO audit_seal_head (position, seal) VALUES (0, decode(repeat('00', 32), 'hex'));
