package dev.jangteo.query.ranking;

import dev.jangteo.query.config.PeriodicCheck;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Notices that Redis lost the rankings (it restarted empty: the {@code complete} marker is gone) and rebuilds them,
 * every {@code jangteo.rankings.check-interval}. The projection notices it too, but only when an event arrives; in
 * a quiet hour nothing would, and queries would answer from PostgreSQL all along.
 * <p>
 * Every instance checks; the rebuild itself is one at a time: within an instance {@link RankingRebuild} runs one,
 * and across instances the token reset claims every segment of the group in one transaction, so an instance whose
 * claim is refused leaves the rebuild to the one holding the segment (its own check starts it). The reset handler
 * writes the marker again, so the next check finds the store whole.
 */
@Component
class RankingWatch extends PeriodicCheck {

    private static final Logger log = LoggerFactory.getLogger(RankingWatch.class);

    private final RankingStore store;
    private final RankingRebuild rebuild;
    private final RankingFreshness freshness;

    RankingWatch(RankingStore store, RankingRebuild rebuild, RankingFreshness freshness,
                 RankingProperties properties) {
        super("rankings-watch", properties.checkInterval(), properties.checkInterval());
        this.store = store;
        this.rebuild = rebuild;
        this.freshness = freshness;
    }

    @Override
    protected void check() {
        // A processor that is not running is starting, stopping, or being replayed by an operator: leave it.
        boolean running = freshness.processor().map(StreamingEventProcessor::isRunning).orElse(false);
        if (running && !rebuild.running() && !store.complete()) {
            rebuild.start("Redis no longer holds the rankings (the complete marker is missing)");
        }
    }

    @Override
    protected void failed(Exception e) {
        log.debug("Rankings check failed (Redis down?): {}", e.toString());
    }
}
