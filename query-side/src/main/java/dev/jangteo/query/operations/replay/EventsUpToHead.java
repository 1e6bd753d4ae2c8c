package dev.jangteo.query.operations.replay;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads an event store's stream from a token up to the head it had when the read began, through the API every
 * processor reads ({@code openStream}, {@code createHeadToken}), so whatever the store and its token type. The read
 * stops at the head's position, not when a token covers the head: a gap-aware token keeps a gap that never fills
 * (a rolled-back append) and would never cover a head without it.
 */
public final class EventsUpToHead {

    private static final Duration QUIET_LIMIT = Duration.ofSeconds(60);

    private EventsUpToHead() {
    }

    /**
     * Hands the events after {@code start} (null: from the first) to {@code reader}, in order, up to the head or
     * until {@code reader} answers false.
     */
    public static void read(StreamableMessageSource<TrackedEventMessage<?>> source, TrackingToken start,
                            Predicate<TrackedEventMessage<?>> reader) {
        long head = position(source.createHeadToken());
        long reached = position(start);
        if (head <= reached) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(start)) {
            while (reached < head) {
                if (!stream.hasNextAvailable((int) QUIET_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The event store delivered nothing for " + QUIET_LIMIT
                                                            + " before its head at position " + head);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (!reader.test(event)) {
                    return;
                }
                reached = position(event.trackingToken());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", e);
        }
    }

    /** The token's position, -1 for none (before the first event). */
    public static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
