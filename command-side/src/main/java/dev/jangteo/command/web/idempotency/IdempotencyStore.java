package dev.jangteo.command.web.idempotency;

import dev.jangteo.command.web.idempotency.IdempotentAttempt.RecordedEffect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The idempotency keys in PostgreSQL. Every statement is a single auto-committed one: the insert that claims a key
 * is visible to every command-side instance at once, and its primary key lets exactly one of two concurrent claims
 * win. Times are the database's, so instances with skewed clocks agree on expiry. Each claim gets a new attempt id;
 * completing, releasing and recording an effect ({@link IdempotentEffects}) only touch the row while it still
 * carries that attempt.
 */
@Component
class IdempotencyStore {

    private static final String TABLE = "command_side.idempotency_key";

    private final JdbcTemplate jdbc;
    private final IdempotencyProperties properties;
    private final CommandInstance instance;
    /** The attempts this instance is running now: its other keys in flight were left by runs that are over. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    IdempotencyStore(JdbcTemplate jdbc, IdempotencyProperties properties, CommandInstance instance) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.instance = instance;
    }

    /**
     * Claims {@code key} for a run of the request: a new attempt when this call inserted the key or took over an
     * expired record, or took over a record in flight whose run can no longer answer: its command already committed
     * (the attempt carries that effect), its instance stopped beating (not this one: a heartbeat that could not get
     * a connection under load does not make this instance give up its own runs), it is this instance's and no longer
     * running (its answer could not be stored or its key released: the database was down just then), or it outlived
     * the in-flight timeout. Empty when the key belongs to a run still going, to another request, or holds a
     * response. A claimed attempt counts as running here until {@link #ended}.
     */
    Optional<IdempotentAttempt> claim(String owner, String key, String fingerprint) {
        UUID attempt = UUID.randomUUID();
        running.add(attempt);  // before the row names it: a concurrent claim here must not take it over
        Optional<IdempotentAttempt> claimed = Optional.empty();
        try {
            claimed = claim(owner, key, fingerprint, attempt);
            return claimed;
        } finally {
            if (claimed.isEmpty()) {
                running.remove(attempt);
            }
        }
    }

    private Optional<IdempotentAttempt> claim(String owner, String key, String fingerprint, UUID attempt) {
        String retention = interval(properties.retention().toMillis());
        int inserted = jdbc.update("INSERT INTO " + TABLE + " (owner, idempotency_key, fingerprint, expires_at,"
                                           + " attempt, instance_id) VALUES (?, ?, ?, now() + ?::interval, ?, ?)"
                                           + " ON CONFLICT DO NOTHING",
                                   owner, key, fingerprint, retention, attempt, instance.id());
        if (inserted == 1 || jdbc.update(
                "UPDATE " + TABLE + " SET fingerprint = ?, started_at = now(), expires_at = now() + ?::interval,"
                        + " response_status = NULL, content_type = NULL, location = NULL, consistency_token = NULL,"
                        + " response_body = NULL, effect_recorded = false, effect_type = NULL, effect_body = NULL,"
                        + " attempt = ?, instance_id = ? WHERE owner = ? AND idempotency_key = ? AND expires_at < now()",
                fingerprint, retention, attempt, instance.id(), owner, key) == 1) {
            return Optional.of(new IdempotentAttempt(owner, key, fingerprint, attempt, null));
        }
        List<IdempotentAttempt> takenOver = jdbc.query(
                "UPDATE " + TABLE + " k SET attempt = ?, instance_id = ?, started_at = now()"
                        + " WHERE owner = ? AND idempotency_key = ? AND fingerprint = ? AND response_status IS NULL"
                        + " AND expires_at >= now() AND (effect_recorded OR started_at < now() - ?::interval"
                        + " OR instance_id IS NULL"
                        + " OR (instance_id = ? AND attempt::text <> ALL (string_to_array(?, ',')))"
                        + " OR (instance_id <> ? AND NOT EXISTS (SELECT 1"
                        + " FROM command_side.command_instance i WHERE i.instance_id = k.instance_id"
                        + " AND i.heartbeat_at >= now() - ?::interval)))"
                        + " RETURNING effect_recorded, effect_type, effect_body",
                (row, i) -> new IdempotentAttempt(
                        owner, key, fingerprint, attempt,
                        row.getBoolean("effect_recorded")
                                ? new RecordedEffect(row.getString("effect_type"), row.getString("effect_body"))
                                : null),
                attempt, instance.id(), owner, key, fingerprint,
                interval(properties.inFlightTimeout().toMillis()), instance.id(),
                running.stream().map(UUID::toString).collect(Collectors.joining(",")), instance.id(),
                interval(properties.instanceTimeout().toMillis()));
        return takenOver.stream().findFirst();
    }

    /** The run of {@code attempt} (claimed here, so running since) is over. */
    void ended(IdempotentAttempt attempt) {
        running.remove(attempt.attempt());
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

    void complete(IdempotentAttempt attempt, StoredResponse response) {
        jdbc.update("UPDATE " + TABLE + " SET response_status = ?, content_type = ?, location = ?,"
                            + " consistency_token = ?, response_body = ?"
                            + " WHERE owner = ? AND idempotency_key = ? AND attempt = ?",
                    response.status(), response.contentType(), response.location(), response.consistencyToken(),
                    response.body(), attempt.owner(), attempt.key(), attempt.attempt());
    }

    /**
     * Gives the key back: the outcome was one to retry (5xx, 429, 401), so the retry must run again. Not when the
     * command took effect after all (a timeout that committed): the key stays, and the retry answers from the effect.
     * Waits for a command still holding the row in its transaction, and sees what it committed.
     */
    void release(IdempotentAttempt attempt) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE owner = ? AND idempotency_key = ? AND attempt = ?"
                            + " AND response_status IS NULL AND NOT effect_recorded",
                    attempt.owner(), attempt.key(), attempt.attempt());
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
