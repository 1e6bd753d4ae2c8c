package dev.jangteo.query.search;

import dev.jangteo.query.config.PeriodicCheck;
import dev.jangteo.query.replay.ReplayProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Completes a rebuild of the message index: once every segment of the {@code message-search} processor has left
 * its replay and caught up with the event stream, searches move to the rebuilt index. Also creates the index at
 * start when Elasticsearch is there (and keeps trying when it is not: the app starts without it), and starts a
 * rebuild by itself when the index was lost ({@link MessageIndex.Targets#lost()}): a replay of the group from the
 * first event, whose reset handler creates the new index.
 * <p>
 * Every instance checks; the replay starts once, since resetting the tokens claims every segment of the group in
 * one transaction: an instance whose claim is refused leaves it to the one holding the segments, and by its next
 * check the write alias points at the new index, so the index is no longer lost.
 */
@Component
class IndexSwitcher extends PeriodicCheck {

    private static final Logger log = LoggerFactory.getLogger(IndexSwitcher.class);

    private final MessageIndex index;
    private final EventProcessingConfiguration processing;

    IndexSwitcher(MessageIndex index, EventProcessingConfiguration processing, SearchProperties properties) {
        super("index-switcher", Duration.ZERO, properties.switchCheckInterval());
        this.index = index;
        this.processing = processing;
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
        log.warn("Replaying {} from the first event into a new message index", processor.getName());
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            log.warn("Could not reset {} (claimed by another instance?); it rebuilds the index or this check "
                             + "tries again", processor.getName(), e);
        } finally {
            processor.start();
        }
    }

    private Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(MessageSearchProjection.GROUP, StreamingEventProcessor.class);
    }

    @Override
    protected void failed(Exception e) {
        log.debug("Message index check failed (Elasticsearch down?): {}", e.toString());
    }

    private boolean replayCaughtUp() {
        Collection<EventTrackerStatus> segments = processor().map(processor -> processor.processingStatus().values())
                                                             .orElse(List.of());
        return !segments.isEmpty() && segments.stream().allMatch(ReplayProgress::caughtUp);
    }
}
