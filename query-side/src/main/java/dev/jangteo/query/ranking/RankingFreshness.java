package dev.jangteo.query.ranking;

import dev.jangteo.query.readmodel.ReplayProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the Redis rankings are current, so a query may answer from them; if not, why. They are not while the
 * {@code rankings} processor starts, replays or rebuilds, has not caught up with the event stream, or is failing to
 * write. After a failure Axon keeps calling a segment "caught up", so the projection marks itself behind and this
 * class clears the mark only once the processor's position has reached the head of the event store again.
 */
@Component
class RankingFreshness {

    /** How often, at most, a query compares the processor's position with the head of the store while behind. */
    private static final long HEAD_CHECK_NANOS = 100_000_000L;

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final AtomicBoolean behind = new AtomicBoolean();
    private volatile boolean rebuilding;
    private volatile long lastHeadCheck;

    RankingFreshness(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    /** The projection failed to write a batch: Redis misses events until it catches up. */
    void markBehind() {
        behind.set(true);
    }

    void rebuilding(boolean rebuilding) {
        this.rebuilding = rebuilding;
    }

    boolean rebuilding() {
        return rebuilding;
    }

    Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(RankingProjection.GROUP, StreamingEventProcessor.class);
    }

    /** Null when the Redis rankings are current, else why not (a metric tag and a field of the admin status). */
    String staleReason() {
        if (rebuilding) {
            return "rebuilding";
        }
        StreamingEventProcessor processor = processor().orElse(null);
        if (processor == null || !processor.isRunning()) {
            return "processor_stopped";
        }
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return "processor_starting";
        }
        for (EventTrackerStatus status : segments.values()) {
            if (status.isErrorState()) {
                return "processor_failing";
            }
            if (ReplayProgress.replaying(status)) {
                return "rebuilding";
            }
            if (!status.isCaughtUp()) {
                return "catching_up";
            }
        }
        if (behind.get() && !reachedHead(segments)) {
            return "catching_up";
        }
        return null;
    }

    private boolean reachedHead(Map<Integer, EventTrackerStatus> segments) {
        long now = System.nanoTime();
        if (now - lastHeadCheck < HEAD_CHECK_NANOS) {
            return false;
        }
        lastHeadCheck = now;
        OptionalLong head = position(events.createHeadToken());
        for (EventTrackerStatus status : segments.values()) {
            OptionalLong at = status.getCurrentPosition();
            if (head.isPresent() && (at.isEmpty() || at.getAsLong() < head.getAsLong())) {
                return false;
            }
        }
        behind.set(false);
        return true;
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
