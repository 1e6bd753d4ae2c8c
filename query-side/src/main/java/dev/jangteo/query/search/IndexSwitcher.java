package dev.jangteo.query.search;

import dev.jangteo.query.config.PeriodicCheck;
import dev.jangteo.query.config.SegmentBalancer;
import dev.jangteo.query.consistency.StoredTokens;
import dev.jangteo.query.consistency.TokenPositions;
import dev.jangteo.query.readmodel.ReplayProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Completes a rebuild of the message index: once every segment of the {@code message-search} processor has left
 * its replay and caught up with the event stream, searches move to the rebuilt index. Also creates the index at
 * start when Elasticsearch is there (and keeps trying when it is not: the app starts without it), and starts a
 * rebuild by itself when the index was lost ({@link MessageIndex.Targets#lost()}): a replay of the group from the
 * first event, whose reset handler creates the new index.
 * <p>
 * Every instance checks; the replay starts once: the instance that first asks the others to let go of the group's
 * segments ({@link SegmentBalancer#takeAll}) resets its tokens, which claims every segment in one transaction; an
 * instance whose request or claim is refused leaves it to that one, and by its next check the write alias points at
 * the new index, so the index is no longer lost.
 */
@Component
class IndexSwitcher extends PeriodicCheck {

    private static final Logger log = LoggerFactory.getLogger(IndexSwitcher.class);

    private final MessageIndex index;
    private final EventProcessingConfiguration processing;
    private final SegmentBalancer balancer;
    private final StoredTokens storedTokens;

    IndexSwitcher(MessageIndex index, EventProcessingConfiguration processing, SearchProperties properties,
                  SegmentBalancer balancer, StoredTokens storedTokens) {
        super("index-switcher", Duration.ZERO, properties.switchCheckInterval());
        this.index = index;
        this.processing = processing;
        this.balancer = balancer;
        this.storedTokens = storedTokens;
    }

    @Override
    protected void check() throws IOException {
        index.forget();
        MessageIndex.Targets targets = index.targets();
        if (targets.lost()) {
            processor().filter(StreamingEventProcessor::isRunning).ifPresent(this::replayFromTheStart);
        } else if (targets.rebuilding() && replayCaughtUp()) {
            index.completeRebuild();
        }
    }

    private void replayFromTheStart(StreamingEventProcessor processor) {
        if (!balancer.takeAll(processor)) {
            log.info("Another instance is resetting {}; it rebuilds the message index", processor.getName());
            return;
        }
        log.warn("Replaying {} from the first event into a new message index", processor.getName());
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            log.warn("Could not reset {} (claimed by another instance?); it rebuilds the index or this check "
                             + "tries again", processor.getName(), e);
        } finally {
            processor.start();
            balancer.release(processor);
        }
    }

    private Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(MessageSearchProjection.GROUP, StreamingEventProcessor.class);
    }

    @Override
    protected void failed(Exception e) {
        log.debug("Message index check failed (Elasticsearch down?): {}", e.toString());
    }

    /**
     * Every segment this instance processes has caught up, and every other segment (with several instances, some
     * replay elsewhere) has a committed token past the point of the reset.
     */
    private boolean replayCaughtUp() {
        Map<Integer, EventTrackerStatus> local = processor().map(StreamingEventProcessor::processingStatus)
                                                            .orElse(Map.of());
        Map<Integer, TrackingToken> stored = storedTokens.of(MessageSearchProjection.GROUP);
        return !local.isEmpty() && local.values().stream().allMatch(ReplayProgress::caughtUp)
                && stored.entrySet().stream().filter(segment -> !local.containsKey(segment.getKey()))
                         .allMatch(segment -> !(segment.getValue() instanceof ReplayToken replay)
                                 || TokenPositions.reached(replay) >= TokenPositions.reached(replay.getTokenAtReset()));
    }
}
