-- Idempotency keys that survive a crash of the instance running their request (dev.jangteo.command.web.idempotency).
-- attempt fences each run of a request: a retry that takes a key over gets a new attempt, and the earlier run can then
-- neither record an effect (its command rolls back) nor complete or release the key. effect_* is written in the
-- command's own transaction, so a key whose command committed says so even when its instance died before answering:
-- the retry answers from the effect instead of running the command again.

ALTER TABLE idempotency_key
    ADD COLUMN attempt         UUID,
    ADD COLUMN instance_id     UUID,
    ADD COLUMN effect_recorded BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN effect_type     VARCHAR(255),
    ADD COLUMN effect_body     TEXT;

-- One row per running command-side instance, its heartbeat refreshed every second or so. A key in flight on an
-- instance whose heartbeat is older than the instance timeout is taken over by the next retry.
CREATE TABLE command_instance (
    instance_id  UUID        NOT NULL PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
