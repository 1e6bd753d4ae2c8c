package dev.jangteo.query.operations.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An aggregate's events read through Axon's {@code EventStore}, for a store whose events are not in the PostgreSQL
 * table (Axon Server), in the shape of {@link ReadableMessages}; read from sequence 0 on, so that a snapshot never
 * stands in for the events. Axon's aggregate read carries no global position, so {@link AuditEvent#position()} is
 * null here.
 */
@Component
class StoreAggregateEvents implements AggregateEvents {

    private final EventStore eventStore;
    private final ReadableMessages readable;

    StoreAggregateEvents(EventStore eventStore, ReadableMessages readable) {
        this.eventStore = eventStore;
        this.readable = readable;
    }

    @Override
    public Optional<Summary> summary(String aggregateId) {
        String[] type = new String[1];
        long[] counted = new long[2];
        try (Stream<? extends DomainEventMessage<?>> events = events(aggregateId)) {
            events.forEach(event -> {
                if (type[0] == null) {
                    type[0] = event.getType();
                }
                counted[0]++;
                counted[1] = event.getSequenceNumber();
            });
        }
        return counted[0] == 0 ? Optional.empty() : Optional.of(new Summary(type[0], counted[0], counted[1]));
    }

    @Override
    public List<AuditEvent> page(String aggregateId, long offset, int limit) {
        try (Stream<? extends DomainEventMessage<?>> events = events(aggregateId)) {
            return events.skip(offset).limit(limit).map(event -> readable.of(event, null)).toList();
        }
    }

    @Override
    public void stream(String aggregateId, Long lastSequence, Instant until, Consumer<Payloads> consumer) {
        try (Stream<? extends DomainEventMessage<?>> events = events(aggregateId)) {
            events.takeWhile(event -> (lastSequence == null || event.getSequenceNumber() <= lastSequence)
                                   && (until == null || !event.getTimestamp().isAfter(until)))
                  .forEach(event -> consumer.accept(new Payloads(event.getSequenceNumber(), event.getTimestamp(),
                                                                 List.of(event.getPayload()))));
        }
    }

    private Stream<? extends DomainEventMessage<?>> events(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream();
    }
}
