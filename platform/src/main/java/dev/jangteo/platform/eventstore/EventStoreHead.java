package dev.jangteo.platform.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The head of the event store (the position of its last event), when an event at a position happened, and so how
 * far a processor at a position is behind in time. Asks the store through Axon's {@link EventStore} API, never its
 * tables, so it answers alike on the JDBC store (gap-aware tokens), the {@code remote-like} one and Axon Server
 * (global sequence tokens).
 */
@Component
public class EventStoreHead {

    /** How long a stream may take to hand over an event known to exist: Axon Server answers over the network. */
    private static final Duration STREAM_WAIT = Duration.ofSeconds(2);

    /**
     * Times already read, by position: an event's time never changes, and gauges ask for the same head again and
     * again. A lagging processor's position moves on between two asks, so only a few hundred are worth keeping.
     */
    private static final int TIMES_KEPT = 512;

    private final EventStore events;
    private final Map<Long, Instant> times = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
            return size() > TIMES_KEPT;
        }
    });

    public EventStoreHead(EventStore events) {
        this.events = events;
    }

    /**
     * The position of the last event, -1 for an empty store: one {@code createHeadToken()}, which is the highest
     * global index on the JDBC stores and Axon Server's last token, both null while the store is empty.
     */
    public long head() {
        return position(events.createHeadToken());
    }

    /** The time of the event at {@code position}; empty when there is none (not yet, or a hole in the sequence). */
    public Optional<Instant> timeOf(long position) {
        if (position < 0) {
            return Optional.empty();
        }
        Instant known = times.get(position);
        if (known != null) {
            return Optional.of(known);
        }
        TrackingToken head = events.createHeadToken();
        if (position(head) < position) {
            return Optional.empty();
        }
        Optional<Instant> time = readTimeOf(position, head);
        time.ifPresent(found -> times.put(position, found));
        return time;
    }

    /**
     * Opens a stream just before {@code position}, in the store's own kind of token, and looks at the first event.
     * On the JDBC stores that reads one batch of events (Axon's fetch size), on Axon Server it opens an event stream:
     * fine for gauges refreshed every few seconds, not for a request path.
     */
    private Optional<Instant> readTimeOf(long position, TrackingToken head) {
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(tokenBefore(position, head))) {
            if (!stream.hasNextAvailable((int) STREAM_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            TrackedEventMessage<?> next = stream.nextAvailable();
            return position(next.trackingToken()) == position ? Optional.of(next.getTimestamp()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Null opens the stream at its start, on every store. */
    private static TrackingToken tokenBefore(long position, TrackingToken sameKind) {
        if (position == 0) {
            return null;
        }
        if (sameKind instanceof GapAwareTrackingToken) {
            return GapAwareTrackingToken.newInstance(position - 1, List.of());
        }
        return new GlobalSequenceTrackingToken(position - 1);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /**
     * How much older the event at {@code position} is than the one at {@code head}, in seconds: 0 once caught up,
     * null when either time is unknown (no event yet, or one at a gap).
     */
    public Double lagSeconds(long position, long head) {
        if (position >= head) {
            return 0.0;
        }
        Optional<Instant> headTime = timeOf(head);
        Optional<Instant> positionTime = timeOf(position);
        if (headTime.isEmpty() || positionTime.isEmpty()) {
            return null;
        }
        return Math.max(0, Duration.between(positionTime.get(), headTime.get()).toMillis()) / 1000.0;
    }
}
