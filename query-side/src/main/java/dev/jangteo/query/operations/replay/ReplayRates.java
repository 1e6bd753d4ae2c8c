package dev.jangteo.query.operations.replay;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where and when each replay of this instance started, to tell its progress: the share of the events between its
 * start and the head that it has passed, its rate since it started, and the time left at that rate.
 */
@Component
class ReplayRates {

    /** A replay in progress: started at {@code at} from {@code fromPosition} (-1: the beginning). */
    record Start(Instant at, long fromPosition, Instant fromTime) {
    }

    /** @param etaSeconds null while nothing has been replayed yet (no rate to tell) */
    record Progress(double percent, double eventsPerSecond, Long etaSeconds, long from, Instant fromTime,
                    Instant startedAt) {
    }

    private final Map<String, Start> starts = new ConcurrentHashMap<>();
    private final Clock clock;

    ReplayRates() {
        this(Clock.systemUTC());
    }

    ReplayRates(Clock clock) {
        this.clock = clock;
    }

    void started(String group, long fromPosition, Instant fromTime) {
        starts.put(group, new Start(clock.instant(), fromPosition, fromTime));
    }

    /** How far the replay of {@code group} has got at {@code position} towards {@code head}. */
    Optional<Progress> progress(String group, long position, long head) {
        Start start = starts.get(group);
        if (start == null) {
            return Optional.empty();
        }
        long total = Math.max(0, head - start.fromPosition());
        long done = Math.clamp(position - start.fromPosition(), 0, total);
        double percent = total == 0 ? 100.0 : Math.round(1000.0 * done / total) / 10.0;
        double seconds = Math.max(Duration.between(start.at(), clock.instant()).toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        Long eta = rate > 0 ? (long) Math.ceil((total - done) / rate) : null;
        return Optional.of(new Progress(percent, Math.round(rate * 10) / 10.0, eta, start.fromPosition(),
                                        start.fromTime(), start.at()));
    }
}
