package dev.jangteo.query.search;

import dev.jangteo.query.replay.ReplayProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Completes a rebuild of the message index: once every segment of the {@code message-search} processor has left
 * its replay and caught up with the event stream, searches move to the rebuilt index. Also creates the index at
 * start when Elasticsearch is there (and keeps trying when it is not: the app starts without it).
 */
@Component
class IndexSwitcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexSwitcher.class);

    private final MessageIndex index;
    private final EventProcessingConfiguration processing;
    private final SearchProperties properties;
    private ScheduledExecutorService timer;

    IndexSwitcher(MessageIndex index, EventProcessingConfiguration processing, SearchProperties properties) {
        this.index = index;
        this.processing = processing;
        this.properties = properties;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("index-switcher").daemon()
                                                                 .factory());
        long interval = properties.switchCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::check, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }

    private void check() {
        try {
            index.forget();
            if (index.targets().rebuilding() && replayCaughtUp()) {
                index.completeRebuild();
            }
        } catch (Exception e) {
            log.debug("Message index check failed (Elasticsearch down?): {}", e.toString());
        }
    }

    private boolean replayCaughtUp() {
        Collection<EventTrackerStatus> segments =
                processing.eventProcessor(MessageSearchProjection.GROUP, StreamingEventProcessor.class)
                          .map(processor -> processor.processingStatus().values())
                          .orElse(List.of());
        return !segments.isEmpty() && segments.stream().allMatch(ReplayProgress::caughtUp);
    }
}
