package dev.jangteo.query.operations.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The events of the store in use, in global order and exactly as stored (before any upcaster): what the seal chain
 * hashes ({@link Sealer}) and checks ({@link ChainVerifier}). One implementation per store, chosen by
 * {@link StoredEventsRule}: the PostgreSQL event table ({@link EventTableStoredEvents}), the {@code remote-like}
 * store's table ({@link TableStoredEvents}) and Axon Server ({@link AxonServerStoredEvents}). Positions are the
 * store's own global index.
 */
interface StoredEvents {

    /** The position of a store's first event: 1 in the event table (its sequence starts there), 0 elsewhere. */
    long first();

    /** The position of the last event, {@code first() - 1} while the store is empty. */
    long head();

    /** When the first event after {@code position} happened; empty when there is none. */
    Optional<Instant> firstTimeAfter(long position);

    /**
     * Every event from position {@code from} to {@code to} (both included) in order, handed to {@code each} until it
     * answers false. Streams: memory stays flat however long the range. On PostgreSQL it reads in the caller's
     * transaction, so a verification sees the events and the seals in one snapshot.
     */
    void read(long from, long to, Predicate<StoredEvent> each);

    /**
     * Starts one sealing transaction's read; called inside that transaction before the chain's head is locked. By
     * default every event read may be sealed: in a store whose positions become visible in order (one writer at a
     * time, as Axon Server), a hole below a visible event never fills.
     */
    default Sealing sealing() {
        return (after, limit) -> {
            List<StoredEvent> events = new ArrayList<>();
            read(after + 1, Long.MAX_VALUE, event -> events.add(event) && events.size() < limit);
            return events;
        };
    }

    /** One sealing transaction's view of the store. */
    @FunctionalInterface
    interface Sealing {

        /**
         * The next events after {@code position} that may be sealed now, in order, at most {@code limit}: fewer than
         * {@code limit} when the store has no more, or when a later one must wait (a gap that may still fill).
         */
        List<StoredEvent> after(long position, int limit);
    }
}
