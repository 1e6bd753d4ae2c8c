package dev.jangteo.query.operations.audit;

import dev.jangteo.query.support.MovableClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GapWatchTest {

    private static final Duration GRACE = Duration.ofSeconds(1);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final GapWatch gaps = new GapWatch(GRACE, clock);

    @Test
    void cannotCloseAGapWithinTheGrace() {
        gaps.saw(7);
        clock.advance(Duration.ofMillis(500));

        assertThat(gaps.closable(new GapWatch.Horizon(100, 100))).isEmpty();
    }

    @Test
    void canCloseAGapOnceTheGraceIsOverAndNoTransactionRuns() {
        gaps.saw(7);
        clock.advance(GRACE);

        assertThat(gaps.closable(new GapWatch.Horizon(100, 100))).containsExactly(7L);
    }

    @Test
    void cannotCloseAGapWhileATransactionFromBeforeTheHorizonRuns() {
        gaps.saw(7);
        clock.advance(GRACE);
        assertThat(gaps.closable(new GapWatch.Horizon(90, 100))).isEmpty();

        clock.advance(Duration.ofSeconds(60));

        assertThat(gaps.closable(new GapWatch.Horizon(99, 120))).as("transaction 99 still runs").isEmpty();
        assertThat(gaps.closable(new GapWatch.Horizon(100, 130))).as("all below 100 ended").containsExactly(7L);
    }

    @Test
    void canForgetGapsTheChainHasPassed() {
        gaps.saw(7);
        gaps.saw(12);

        gaps.sealedUpTo(10);

        assertThat(gaps.open()).isEqualTo(1);
    }
}
