package dev.jangteo.platform.privacy;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.Supplier;

/**
 * Keys in {@value #TABLE} (command side's Flyway migration), read and written through Spring's
 * {@link JdbcTemplate}, so inside a command's transaction they commit or roll back with its events: a key made for
 * an event that never commits disappears with it, and an erasure commits with the AccountClosedEvent. There is no
 * cache: each lookup is one primary-key read, so no instance can show plaintext after the key is gone. Any failure
 * of the store is reported as the store being unavailable (503 with Retry-After, a processor retries or parks the
 * event), never as a missing key: an unreadable key must not read as erased data.
 */
public class JdbcSubjectKeys implements SubjectKeys {

    public static final String SCHEMA = "personal_data";
    public static final String TABLE = SCHEMA + ".subject_key";

    private final JdbcTemplate jdbc;

    public JdbcSubjectKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SubjectKey find(String subject) {
        List<SubjectKey> found = unavailableOnFailure(() -> jdbc.query(
                "SELECT key_bytes FROM " + TABLE + " WHERE subject = ?", (row, n) -> {
                    byte[] key = row.getBytes("key_bytes");
                    return key == null ? new SubjectKey.Erased() : new SubjectKey.Active(key);
                }, subject));
        return found.isEmpty() ? new SubjectKey.Unknown() : found.getFirst();
    }

    @Override
    public SubjectKey findOrCreate(String subject) {
        SubjectKey existing = find(subject);
        if (!(existing instanceof SubjectKey.Unknown)) {
            return existing;
        }
        unavailableOnFailure(() -> jdbc.update(
                "INSERT INTO " + TABLE + " (subject, key_bytes, created_at) VALUES (?, ?, now()) "
                        + "ON CONFLICT (subject) DO NOTHING", subject, FieldCipher.newKey()));
        return find(subject);
    }

    @Override
    public void erase(String subject) {
        unavailableOnFailure(() -> jdbc.update(
                "INSERT INTO " + TABLE + " AS k (subject, key_bytes, created_at, erased_at) "
                        + "VALUES (?, NULL, now(), now()) ON CONFLICT (subject) DO UPDATE "
                        + "SET key_bytes = NULL, erased_at = coalesce(k.erased_at, now())", subject));
    }

    private static <T> T unavailableOnFailure(Supplier<T> access) {
        try {
            return access.get();
        } catch (DataAccessResourceFailureException e) {
            throw e;
        } catch (DataAccessException e) {
            throw new DataAccessResourceFailureException("The personal data key store cannot be used", e);
        }
    }
}
