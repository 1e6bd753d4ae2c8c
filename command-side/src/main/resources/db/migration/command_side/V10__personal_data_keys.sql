-- Per-subject keys of crypto-shredding (dev.jangteo.platform.privacy.JdbcSubjectKeys), in a schema of their own and
-- not with the events: a backup or copy of the event store holds no key, and deleting a key shreds the personal
-- fields of every event of its subject. key_bytes NULL with erased_at set is a tombstone: the subject was erased and
-- never gets a new key (which would make later events readable again under the same subject).
-- PostgreSQL keeps a deleted value in dead row versions until VACUUM; autovacuum removes it.

CREATE TABLE personal_data.subject_key (
    subject    VARCHAR(64) NOT NULL,
    key_bytes  BYTEA,
    created_at TIMESTAMPTZ NOT NULL,
    erased_at  TIMESTAMPTZ,
    CONSTRAINT subject_key_pk PRIMARY KEY (subject),
    CONSTRAINT subject_key_length_ck CHECK (key_bytes IS NULL OR octet_length(key_bytes) = 32),
    CONSTRAINT subject_key_tombstone_ck CHECK ((key_bytes IS NULL) = (erased_at IS NOT NULL))
);
