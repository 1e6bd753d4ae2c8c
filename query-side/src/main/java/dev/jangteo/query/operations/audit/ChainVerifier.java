package dev.jangteo.query.operations.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Recomputes the seal chain from the event store and compares it with the stored one. The store's events as stored
 * ({@link StoredEvents}, whichever the store) and a cursor on the seals, both in position order, are merged in one
 * pass: no query per event, and memory stays flat however long the range. Checks the sealed part of
 * {@code [from, to]}, starting from the stored seal just before {@code from}, in one snapshot of PostgreSQL (the
 * seals, and the events when they are kept there too).
 */
@Component
class ChainVerifier {

    static final String EVENT_CHANGED = "EVENT_CHANGED";
    static final String EVENT_MISSING = "EVENT_MISSING";
    static final String EVENT_INSERTED = "EVENT_INSERTED";
    private static final int FETCH_SIZE = 5_000;
    private static final String SEALS = "SELECT global_index, event_identifier, seal FROM query_side.audit_seal "
            + "WHERE global_index BETWEEN ? AND ? ORDER BY global_index";

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
    private final StoredEventsRule store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ChainVerifier(SealChain chain, StoredEventsRule store, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.chain = chain;
        this.store = store;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** From the store's first position on, to the end of the chain. */
    Verification verifyAll() {
        return verify(store.events().first(), Long.MAX_VALUE);
    }

    Verification verify(long from, long to) {
        StoredEvents events = store.events();
        return snapshot.execute(status -> {
            long upTo = Math.min(to, chain.head().position());
            if (upTo < from) {
                return Verification.ok(from, null, 0);
            }
            byte[] start = chain.sealBefore(from);
            return jdbc.execute((ConnectionCallback<Verification>) connection -> {
                try (PreparedStatement sealQuery = connection.prepareStatement(SEALS)) {
                    sealQuery.setFetchSize(FETCH_SIZE);
                    sealQuery.setLong(1, from);
                    sealQuery.setLong(2, upTo);
                    try (ResultSet seals = sealQuery.executeQuery()) {
                        Merge merge = new Merge(from, start, seals);
                        events.read(from, upTo, merge);
                        return merge.result();
                    }
                }
            });
        });
    }

    /**
     * Walks the seals along with the events the store hands over, both in position order: recomputes each event's
     * seal and stops at the first difference.
     */
    private static final class Merge implements Predicate<StoredEvent> {

        private final long from;
        private final ResultSet seals;
        private final SealHash hash = new SealHash();
        private byte[] previous;
        private SealChain.Seal seal;
        private Long last;
        private long checked;
        private Verification mismatch;

        private Merge(long from, byte[] start, ResultSet seals) {
            this.from = from;
            this.previous = start;
            this.seals = seals;
            this.seal = nextSeal();
        }

        @Override
        public boolean test(StoredEvent event) {
            if (seal == null || event.position() < seal.position()) {
                mismatch = Verification.mismatch(from, last, checked, event.position(), EVENT_INSERTED,
                                                 "Event " + event.eventIdentifier() + " at position "
                                                         + event.position() + " was never sealed");
                return false;
            }
            if (seal.position() < event.position()) {
                mismatch = missing();
                return false;
            }
            byte[] recomputed = hash.next(previous, event);
            if (!Arrays.equals(recomputed, seal.seal())) {
                mismatch = Verification.mismatch(from, last, checked, event.position(), EVENT_CHANGED,
                                                 "Event at position " + event.position()
                                                         + " differs from what was sealed");
                return false;
            }
            previous = recomputed;
            last = event.position();
            checked++;
            seal = nextSeal();
            return true;
        }

        /** After the events: a seal left over is an event gone. */
        private Verification result() {
            if (mismatch != null) {
                return mismatch;
            }
            return seal == null ? Verification.ok(from, last, checked) : missing();
        }

        private Verification missing() {
            return Verification.mismatch(from, last, checked, seal.position(), EVENT_MISSING,
                                         "Sealed event " + seal.eventIdentifier() + " at position " + seal.position()
                                                 + " is not in the store");
        }

        private SealChain.Seal nextSeal() {
            try {
                return seals.next() ? new SealChain.Seal(seals.getLong("global_index"),
                                                         seals.getString("event_identifier"),
                                                         seals.getBytes("seal")) : null;
            } catch (SQLException e) {
                throw new UncategorizedSQLException("Reading the seal chain", SEALS, e);
            }
        }
    }
}
