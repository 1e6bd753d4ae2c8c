package dev.jangteo.query.operations.audit;

import dev.jangteo.query.operations.replay.EventsUpToHead;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The global feed read from the event store's stream up to its head ({@link EventsUpToHead}), for a store whose
 * events are not in the PostgreSQL table. Positions are the store's own (Axon Server's global index, from 0). The
 * stream starts at the later of {@code after} (a position made into the store's own kind of token) and
 * {@code from} (Axon's {@code createTokenAt}); the other bounds filter what it reads. There is no index here: a
 * page with a rare {@code type} or an old {@code to} reads on to the head, so narrow the range with {@code from}
 * and {@code after}. The type matches the event's current class (after upcasting), full or simple name.
 */
@Component
class StoreFeed implements GlobalFeed {

    private final EventStore eventStore;
    private final ReadableMessages readable;

    StoreFeed(EventStore eventStore, ReadableMessages readable) {
        this.eventStore = eventStore;
        this.readable = readable;
    }

    @Override
    public Page page(FeedFilter filter, int limit) {
        List<AuditEvent> events = new ArrayList<>();
        boolean[] more = new boolean[1];
        EventsUpToHead.read(eventStore, start(filter), event -> {
            if (!matches(filter, event)) {
                return true;
            }
            if (events.size() == limit) {
                more[0] = true;
                return false;
            }
            events.add(readable(event));
            return true;
        });
        return new Page(events, more[0] ? events.getLast().position() : null);
    }

    @Override
    public void stream(FeedFilter filter, Consumer<AuditEvent> consumer) {
        EventsUpToHead.read(eventStore, start(filter), event -> {
            if (matches(filter, event)) {
                consumer.accept(readable(event));
            }
            return true;
        });
    }

    private AuditEvent readable(TrackedEventMessage<?> event) {
        return readable.of(event, EventsUpToHead.position(event.trackingToken()));
    }

    private TrackingToken start(FeedFilter filter) {
        TrackingToken after = filter.after() == null ? null : tokenAfter(filter.after());
        if (filter.from() == null) {
            return after;
        }
        TrackingToken at = eventStore.createTokenAt(filter.from());
        return EventsUpToHead.position(at) > EventsUpToHead.position(after) ? at : after;
    }

    /** The store's own kind of token for "after this position", told by the kind of its head token. */
    private TrackingToken tokenAfter(long position) {
        TrackingToken head = eventStore.createHeadToken();
        return switch (head) {
            case null -> null;
            case GlobalSequenceTrackingToken ignored -> new GlobalSequenceTrackingToken(position);
            case GapAwareTrackingToken ignored -> GapAwareTrackingToken.newInstance(position, Set.of());
            // Not one of the stores this application runs on (the event table, remote-like, Axon Server).
            default -> throw new IllegalStateException("The feed cannot page through a store with tokens of type "
                                                               + head.getClass().getSimpleName());
        };
    }

    private static boolean matches(FeedFilter filter, TrackedEventMessage<?> event) {
        if (filter.from() != null && event.getTimestamp().isBefore(filter.from())) {
            return false;
        }
        if (filter.to() != null && !event.getTimestamp().isBefore(filter.to())) {
            return false;
        }
        if (filter.type() != null && !isType(event.getPayloadType(), filter.type())) {
            return false;
        }
        return filter.aggregateType() == null || event instanceof DomainEventMessage<?> domain
                && filter.aggregateType().equals(domain.getType());
    }

    private static boolean isType(Class<?> payloadType, String type) {
        return payloadType.getName().equals(type) || payloadType.getName().endsWith("." + type);
    }
}
