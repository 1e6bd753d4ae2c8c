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

/**
 * Completes a rebuild of the message index: once every segment of the {@code message-search} processor has left
 * its replay and caught up with the event stream, searches move to the rebuilt index. Also creates the index at
 * start when Elasticsearch is there (and keeps trying when it is not: the app starts without it).
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
        if (index.targets().rebuilding() && replayCaughtUp()) {
            index.completeRebuild();
        }
    }

    @Override
    protected void failed(Exception e) {
        log.debug("Message index check failed (Elasticsearch down?): {}", e.toString());
    }

    private boolean replayCaughtUp() {
        Collection<EventTrackerStatus> segments =
                processing.eventProcessor(MessageSearchProjection.GROUP, StreamingEventProcessor.class)
                          .map(processor -> processor.processingStatus().values())
                          .orElse(List.of());
        return !segments.isEmpty() && segments.stream().allMatch(ReplayProgress::caughtUp);
    }
}
