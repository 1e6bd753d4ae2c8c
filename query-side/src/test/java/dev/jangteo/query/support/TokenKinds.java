package dev.jangteo.query.support;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The two kinds of token a store hands out, for unit tests of code that must work with both: the JDBC store's
 * gap-aware token (an index and the lower positions not seen yet) and Axon Server's global sequence. {@link #log}
 * makes an in-order stream of domain events at given positions whose tokens are of this kind; a position left out
 * is a gap that never fills, as after a rolled-back append.
 */
public enum TokenKinds {

    GAP_AWARE {
        @Override
        public TrackingToken at(long position, SortedSet<Long> missingBelow) {
            return GapAwareTrackingToken.newInstance(position, missingBelow);
        }
    },
    GLOBAL_SEQUENCE {
        @Override
        public TrackingToken at(long position, SortedSet<Long> missingBelow) {
            return new GlobalSequenceTrackingToken(position);
        }
    };

    /** The token of the event at {@code position}, with the positions below it that hold no event. */
    public abstract TrackingToken at(long position, SortedSet<Long> missingBelow);

    /** One domain event: {@code sequence} 0 is the aggregate's creation. */
    public record Entry(long position, String aggregateType, String aggregateId, long sequence, Object payload) {
    }

    public StreamableMessageSource<TrackedEventMessage<?>> log(List<Entry> entries) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        SortedSet<Long> missing = new TreeSet<>();
        long expected = 0;
        for (Entry entry : entries) {
            for (long gap = expected; gap < entry.position(); gap++) {
                missing.add(gap);
            }
            expected = entry.position() + 1;
            events.add(new GenericTrackedDomainEventMessage<>(
                    at(entry.position(), new TreeSet<>(missing)),
                    new GenericDomainEventMessage<>(entry.aggregateType(), entry.aggregateId(), entry.sequence(),
                                                    entry.payload())));
        }
        long head = entries.isEmpty() ? -1 : entries.getLast().position();
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
                long after = from == null ? -1 : from.position().orElse(-1);
                return new ListStream(events.stream().filter(event -> event.trackingToken().position()
                                                                            .orElse(-1) > after).iterator());
            }

            @Override
            public TrackingToken createTailToken() {
                return null;
            }

            @Override
            public TrackingToken createHeadToken() {
                return head < 0 ? null : at(head, new TreeSet<>());
            }
        };
    }

    /** Everything there is, then nothing more: a test that waits past the end fails instead of hanging. */
    private static final class ListStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Iterator<TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> next;

        private ListStream(Iterator<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (next == null && events.hasNext()) {
                next = events.next();
            }
            return Optional.ofNullable(next);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return peek().isPresent();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            TrackedEventMessage<?> event = peek().orElseThrow();
            next = null;
            return event;
        }

        @Override
        public void close() {
        }
    }
}
