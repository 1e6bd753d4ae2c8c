package dev.jangteo.query.operations.replay;

import dev.jangteo.query.support.MovableClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayRatesTest {

    private static final Instant START = Instant.parse("2026-11-22T01:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final ReplayRates rates = new ReplayRates(clock);

    @Test
    void canTellPercentRateAndTimeLeftOfAReplay() {
        rates.started("orders", -1, null);
        clock.set(START.plus(Duration.ofSeconds(2)));

        ReplayRates.Progress progress = rates.progress("orders", 499, 999).orElseThrow();

        assertThat(progress.percent()).isEqualTo(50.0);
        assertThat(progress.eventsPerSecond()).isEqualTo(250.0);
        assertThat(progress.etaSeconds()).isEqualTo(2);
    }

    @Test
    void canTellTheProgressOfAReplayFromAMoment() {
        rates.started("accounts", 899, START.minusSeconds(60));
        clock.set(START.plus(Duration.ofSeconds(1)));

        ReplayRates.Progress progress = rates.progress("accounts", 949, 999).orElseThrow();

        assertThat(progress.percent()).isEqualTo(50.0);
        assertThat(progress.from()).isEqualTo(899);
    }

    @Test
    void cannotTellTimeLeftBeforeTheFirstEvent() {
        rates.started("sales", -1, null);

        assertThat(rates.progress("sales", -1, 100).orElseThrow().etaSeconds()).isNull();
    }

    @Test
    void cannotTellProgressOfAReplayThisInstanceDidNotStart() {
        assertThat(rates.progress("chat", 10, 100)).isEmpty();
    }
}
