package dev.jangteo.query.support;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events to the event store as the command side would (domain events of an aggregate, numbered in order),
 * so the query side's processors pick them up from the table they track in production.
 */
public final class EventStoreWriter {

    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final Map<String, Long> nextSequence = new HashMap<>();

    EventStoreWriter(EventStore eventStore, JdbcClient jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** Appends the events of one aggregate; returns the global position of the last one (a consistency token). */
    public long append(String aggregateType, String aggregateId, Object... payloads) {
        for (Object payload : payloads) {
            long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
            eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                                                               MetaData.emptyInstance(),
                                                               UUID.randomUUID().toString(), Instant.now()));
        }
        return lastPosition();
    }

    public long lastPosition() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM command_side.domain_event_entry")
                   .query(Long.class)
                   .single();
    }
}
