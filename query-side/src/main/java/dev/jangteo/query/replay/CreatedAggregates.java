package dev.jangteo.query.replay;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The aggregates of one type whose first event (sequence 0) comes after a replay's start token, read from the event
 * store's own stream up to its head: the same {@code openStream} every processor reads, so it works whatever the store
 * and whatever its token type (gap-aware under the JDBC store, a global sequence under Axon Server).
 * <p>
 * Why the stream rather than a column on each row saying when the row was created: the replay reads those same
 * events right after, so this costs one more read of the stretch being replayed and nothing at all for whole
 * replays, while a column would need a migration and a handler change in every projection and could not be filled
 * for the rows made before it. The scan stops at the head's position, not when a token covers the head: a gap-aware
 * token keeps a gap that never fills (a rolled-back append) and would never cover a head without it.
 */
final class CreatedAggregates {

    private static final Duration QUIET_LIMIT = Duration.ofSeconds(60);

    private CreatedAggregates() {
    }

    /** Ids of the aggregates of {@code aggregateType} created after {@code start} (null: from the first event). */
    static Set<String> after(StreamableMessageSource<TrackedEventMessage<?>> source, TrackingToken start,
                             String aggregateType) {
        Set<String> created = new HashSet<>();
        long head = position(source.createHeadToken());
        if (head <= position(start)) {
            return created;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(start)) {
            long reached = position(start);
            while (reached < head) {
                if (!stream.hasNextAvailable((int) QUIET_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The event store delivered nothing for " + QUIET_LIMIT
                                                            + " before its head at position " + head);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() == 0
                        && aggregateType.equals(domain.getType())) {
                    created.add(domain.getAggregateIdentifier());
                }
                reached = position(event.trackingToken());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the aggregates created since the replay's "
                                                    + "start", e);
        }
        return created;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
