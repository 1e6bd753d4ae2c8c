-- Query-side instances sharing the processing groups (dev.jangteo.query.config.SegmentBalancer). Each says here every
-- few seconds that it is alive, so each can hold its share of every group's segments and the survivors all of them.
-- node is the token store's owner name, <pid>@<host>.
CREATE TABLE processing_node (
    node    VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL
);

-- An instance that must have every segment of a group (a reset: replay or rebuild; the pause of a verified replay)
-- asks here; the other instances let go of that group's segments and claim none while the request stands.
CREATE TABLE segment_handover (
    processor_name VARCHAR(255) PRIMARY KEY,
    node           VARCHAR(255) NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL
);
