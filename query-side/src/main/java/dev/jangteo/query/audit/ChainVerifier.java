package dev.jangteo.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jangteo.platform.eventstore.EventTables;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Recomputes the seal chain from the event store and compares it with the stored one. Two cursors, events and seals,
 * both in position order, are merged in one pass: no query per event, and memory stays flat however long the range.
 * Checks the sealed part of {@code [from, to]}, starting from the stored seal just before {@code from}.
 */
@Component
class ChainVerifier {

    static final String EVENT_CHANGED = "EVENT_CHANGED";
    static final String EVENT_MISSING = "EVENT_MISSING";
    static final String EVENT_INSERTED = "EVENT_INSERTED";
    private static final int FETCH_SIZE = 5_000;

    /**
     * {@code verified}: every event in the checked range matches its seal; {@code lastPosition} the last position
     * checked and {@code checked} how many events. Otherwise {@code firstMismatch} is the first position where the
     * store differs from the chain, and {@code reason} says how: {@value #EVENT_CHANGED} (its content or identity
     * differs from what was sealed), {@value #EVENT_MISSING} (a sealed event is gone), {@value #EVENT_INSERTED} (an
     * event inside the sealed range was never sealed).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verification(boolean verified, long from, Long lastPosition, long checked, Long firstMismatch,
                        String reason, String detail) {

        static Verification ok(long from, Long lastPosition, long checked) {
            return new Verification(true, from, lastPosition, checked, null, null, null);
        }

        static Verification mismatch(long from, Long lastPosition, long checked, long position, String reason,
                                     String detail) {
            return new Verification(false, from, lastPosition, checked, position, reason, detail);
        }
    }

    private final SealChain chain;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ChainVerifier(SealChain chain, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    Verification verify(long from, long to) {
        return snapshot.execute(status -> {
            long upTo = Math.min(to, chain.head().position());
            if (upTo < from) {
                return Verification.ok(from, null, 0);
            }
            byte[] start = chain.sealBefore(from);
            return jdbc.execute((ConnectionCallback<Verification>) connection -> merge(connection, from, upTo, start));
        });
    }

    private static Verification merge(Connection connection, long from, long to, byte[] start) throws SQLException {
        try (PreparedStatement eventQuery = cursor(connection, "SELECT " + StoredEvent.COLUMNS + " FROM "
                + EventTables.EVENTS + " WHERE global_index BETWEEN ? AND ? ORDER BY global_index", from, to);
             PreparedStatement sealQuery = cursor(connection, "SELECT global_index, event_identifier, seal FROM "
                + "query_side.audit_seal WHERE global_index BETWEEN ? AND ? ORDER BY global_index", from, to);
             ResultSet events = eventQuery.executeQuery();
             ResultSet seals = sealQuery.executeQuery()) {
            SealHash hash = new SealHash();
            byte[] previous = start;
            Long last = null;
            long checked = 0;
            StoredEvent event = events.next() ? StoredEvent.of(events) : null;
            SealChain.Seal seal = seals.next() ? seal(seals) : null;
            while (event != null || seal != null) {
                if (seal == null || event != null && event.position() < seal.position()) {
                    return Verification.mismatch(from, last, checked, event.position(), EVENT_INSERTED,
                                                 "Event " + event.eventIdentifier() + " at position "
                                                         + event.position() + " was never sealed");
                }
                if (event == null || seal.position() < event.position()) {
                    return Verification.mismatch(from, last, checked, seal.position(), EVENT_MISSING,
                                                 "Sealed event " + seal.eventIdentifier() + " at position "
                                                         + seal.position() + " is not in the store");
                }
                byte[] recomputed = hash.next(previous, event);
                if (!Arrays.equals(recomputed, seal.seal())) {
                    return Verification.mismatch(from, last, checked, event.position(), EVENT_CHANGED,
                                                 "Event at position " + event.position()
                                                         + " differs from what was sealed");
                }
                previous = recomputed;
                last = event.position();
                checked++;
                event = events.next() ? StoredEvent.of(events) : null;
                seal = seals.next() ? seal(seals) : null;
            }
            return Verification.ok(from, last, checked);
        }
    }

    private static PreparedStatement cursor(Connection connection, String sql, long from, long to)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH_SIZE);
        statement.setLong(1, from);
        statement.setLong(2, to);
        return statement;
    }

    private static SealChain.Seal seal(ResultSet row) throws SQLException {
        return new SealChain.Seal(row.getLong("global_index"), row.getString("event_identifier"),
                                  row.getBytes("seal"));
    }
}
