package dev.jangteo.platform.privacy;

/**
 * The per-subject keys, kept apart from the event store. A store failure surfaces as an exception (never as
 * {@link SubjectKey.Erased}), so a database outage can never read as erased data.
 */
public interface SubjectKeys {

    SubjectKey find(String subject);

    /** The subject's key, made now when there is none; an erased subject stays erased. */
    SubjectKey findOrCreate(String subject);

    /** Deletes the key for good and leaves a tombstone, so no new key is ever made for this subject. Idempotent. */
    void erase(String subject);
}
