-- The seal chain now follows every event store, and the remote-like store and Axon Server count positions from 0:
-- a head at 0 would read as "event 0 sealed". Until the first seal the head is at -1, below every store's first
-- position. A head at 0 today has sealed nothing: the event table counts from 1, and no other store was sealed.
UPDATE audit_seal_head SET position = -1 WHERE position = 0;
