package dev.jangteo.query.operations.replay;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.HashSet;
import java.util.Set;

/**
 * The aggregates of one type whose first event (sequence 0) comes after a replay's start token, read from the event
 * store's own stream up to its head ({@link EventsUpToHead}): so it works whatever the store and whatever its token
 * type (gap-aware under the JDBC store, a global sequence under Axon Server).
 * <p>
 * Why the stream rather than a column on each row saying when the row was created: the replay reads those same
 * events right after, so this costs one more read of the stretch being replayed and nothing at all for whole
 * replays, while a column would need a migration and a handler change in every projection and could not be filled
 * for the rows made before it.
 */
final class CreatedAggregates {

    private CreatedAggregates() {
    }

    /** Ids of the aggregates of {@code aggregateType} created after {@code start} (null: from the first event). */
    static Set<String> after(StreamableMessageSource<TrackedEventMessage<?>> source, TrackingToken start,
                             String aggregateType) {
        Set<String> created = new HashSet<>();
        EventsUpToHead.read(source, start, event -> {
            if (event instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() == 0
                    && aggregateType.equals(domain.getType())) {
                created.add(domain.getAggregateIdentifier());
            }
            return true;
        });
        return created;
    }
}
