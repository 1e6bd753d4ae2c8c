-- An account closed by its holder (AccountClosedEvent): email and name are overwritten with '[erased]', the balance
-- stays. The event store shreds the same fields by deleting the holder's key, so a replay gives the same row.
ALTER TABLE account_view ADD COLUMN closed_at TIMESTAMPTZ;
