package dev.jangteo.command.web.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The idempotency keys in PostgreSQL. Every statement is a single auto-committed one: the insert that claims a key
 * is visible to every command-side instance at once, and its primary key lets exactly one of two concurrent claims
 * win. Times are the database's, so instances with skewed clocks agree on expiry.
 */
@Component
class IdempotencyStore {

    private static final String TABLE = "command_side.idempotency_key";

    private final JdbcTemplate jdbc;
    private final IdempotencyProperties properties;

    IdempotencyStore(JdbcTemplate jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Claims {@code key} for a new request: true when this call inserted it, or took over an expired record or one
     * left in flight past the in-flight timeout by an instance that never answered.
     */
    boolean claim(String owner, String key, String fingerprint) {
        int inserted = jdbc.update("INSERT INTO " + TABLE + " (owner, idempotency_key, fingerprint, expires_at)"
                                           + " VALUES (?, ?, ?, now() + ?::interval) ON CONFLICT DO NOTHING",
                                   owner, key, fingerprint, interval(properties.retention().toMillis()));
        if (inserted == 1) {
            return true;
        }
        return jdbc.update("UPDATE " + TABLE + " SET fingerprint = ?, started_at = now(),"
                                   + " expires_at = now() + ?::interval, response_status = NULL, content_type = NULL,"
                                   + " location = NULL, consistency_token = NULL, response_body = NULL"
                                   + " WHERE owner = ? AND idempotency_key = ? AND (expires_at < now()"
                                   + " OR (response_status IS NULL AND started_at < now() - ?::interval))",
                           fingerprint, interval(properties.retention().toMillis()), owner, key,
                           interval(properties.inFlightTimeout().toMillis())) == 1;
    }

    Optional<IdempotencyRecord> find(String owner, String key) {
        List<IdempotencyRecord> records = jdbc.query(
                "SELECT fingerprint, response_status, content_type, location, consistency_token, response_body FROM "
                        + TABLE + " WHERE owner = ? AND idempotency_key = ? AND expires_at >= now()",
                (row, i) -> {
                    int status = row.getInt("response_status");
                    StoredResponse response = row.wasNull() ? null
                            : new StoredResponse(status, row.getString("content_type"), row.getString("location"),
                                                 row.getString("consistency_token"), row.getBytes("response_body"));
                    return new IdempotencyRecord(row.getString("fingerprint").trim(), response);
                }, owner, key);
        return records.stream().findFirst();
    }

    void complete(String owner, String key, StoredResponse response) {
        jdbc.update("UPDATE " + TABLE + " SET response_status = ?, content_type = ?, location = ?,"
                            + " consistency_token = ?, response_body = ? WHERE owner = ? AND idempotency_key = ?",
                    response.status(), response.contentType(), response.location(), response.consistencyToken(),
                    response.body(), owner, key);
    }

    /** Gives the key back: the outcome was one to retry (5xx, 429, 401), so the retry must run again. */
    void release(String owner, String key) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE owner = ? AND idempotency_key = ? AND response_status IS NULL",
                    owner, key);
    }

    /** Every instance runs this; deleting what another already deleted is harmless. */
    @Scheduled(fixedDelayString = "${jangteo.idempotency.cleanup-interval:10m}",
               initialDelayString = "${jangteo.idempotency.cleanup-interval:10m}")
    void deleteExpired() {
        jdbc.update("DELETE FROM " + TABLE + " WHERE expires_at < now()");
    }

    private static String interval(long millis) {
        return millis + " milliseconds";
    }
}
