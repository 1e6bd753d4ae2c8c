package dev.jangteo.query.operations.audit;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** An aggregate's events read from the PostgreSQL event table, with their global positions. */
@Component
class TableAggregateEvents implements AggregateEvents {

    private final EventTable events;
    private final CurrentShape shape;

    TableAggregateEvents(EventTable events, CurrentShape shape) {
        this.events = events;
        this.shape = shape;
    }

    @Override
    public Optional<Summary> summary(String aggregateId) {
        return events.summary(aggregateId);
    }

    @Override
    public List<AuditEvent> page(String aggregateId, long offset, int limit) {
        return events.ofAggregate(aggregateId, offset, limit).stream()
                     .flatMap(stored -> shape.readable(stored).stream())
                     .toList();
    }

    @Override
    public void stream(String aggregateId, Long lastSequence, Instant until, Consumer<Payloads> consumer) {
        events.streamAggregate(aggregateId, lastSequence, until, stored -> consumer.accept(
                new Payloads(stored.sequence(), stored.timestamp(), shape.payloads(stored))));
    }
}
