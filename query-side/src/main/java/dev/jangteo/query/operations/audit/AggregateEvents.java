package dev.jangteo.query.operations.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The events of one aggregate, as the history and the state of the audit API read them: from the PostgreSQL event
 * table where it is the store ({@link TableAggregateEvents}: global positions, the stored bytes decoded through
 * {@link CurrentShape}), else through Axon's {@code EventStore} ({@link StoreAggregateEvents}). {@link EventTableRule}
 * says which.
 */
interface AggregateEvents {

    /** The aggregate's type and how many events it has, or empty when no event has this aggregate id. */
    Optional<Summary> summary(String aggregateId);

    /** Its events in order, {@code limit} of them from the {@code offset}-th, in their current shape. */
    List<AuditEvent> page(String aggregateId, long offset, int limit);

    /**
     * Its events in order, in their current shape, up to and including sequence {@code lastSequence} and time
     * {@code until}, each bound only when not null.
     */
    void stream(String aggregateId, Long lastSequence, Instant until, Consumer<Payloads> consumer);

    record Summary(String aggregateType, long events, long lastSequence) {
    }

    /** One stored event as shared-api objects (an upcaster may have split it in several). */
    record Payloads(long sequence, Instant timestamp, List<Object> payloads) {
    }
}
