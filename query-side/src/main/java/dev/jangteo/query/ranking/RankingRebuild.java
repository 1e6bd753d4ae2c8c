package dev.jangteo.query.ranking;

import dev.jangteo.query.config.SegmentBalancer;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds every ranking key from the event history: the {@code rankings} processor stops, its tokens go back to
 * the start (its reset handler empties the keys and marks the store complete) and it replays. Queries answer from
 * PostgreSQL until it has caught up ({@link RankingFreshness}). Runs on its own thread, since the projection asks
 * for it from the processor's thread when Redis lost its keys. With several query-side instances, the others let go
 * of the group's segments for the reset ({@link SegmentBalancer#takeAll}); when another instance is rebuilding
 * already, this one leaves it to that one.
 */
@Component
class RankingRebuild {

    private static final Logger log = LoggerFactory.getLogger(RankingRebuild.class);

    private final RankingFreshness freshness;
    private final SegmentBalancer balancer;
    private final AtomicBoolean running = new AtomicBoolean();

    RankingRebuild(RankingFreshness freshness, SegmentBalancer balancer) {
        this.freshness = freshness;
        this.balancer = balancer;
    }

    /** Starts a rebuild unless one is running; returns whether this call started it. */
    boolean start(String why) {
        StreamingEventProcessor processor = freshness.processor()
                                                    .orElseThrow(() -> new IllegalStateException("No rankings processor"));
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        freshness.rebuilding(true);
        log.warn("Rebuilding the product rankings from the event store: {}", why);
        Thread.ofVirtual().name("rankings-rebuild").start(() -> {
            try {
                if (balancer.takeAll(processor)) {
                    processor.shutDown();
                    processor.resetTokens();
                } else {
                    log.info("Another instance is resetting the rankings; this one leaves the rebuild to it");
                }
            } catch (RuntimeException e) {
                log.warn("Rankings rebuild could not reset the processor; it resumes where it was", e);
            } finally {
                processor.start();
                balancer.release(processor);
                freshness.rebuilding(false);
                running.set(false);
            }
        });
        return true;
    }

    boolean running() {
        return running.get();
    }
}
