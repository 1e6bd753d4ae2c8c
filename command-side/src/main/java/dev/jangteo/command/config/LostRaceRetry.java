package dev.jangteo.command.config;

import dev.jangteo.command.refusal.Refusal;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when it lost an optimistic-concurrency race: another instance appended to the same aggregate
 * first (a wallet debited by two instances at once, a product reserved by both), so the event table's unique
 * (aggregate, sequence) key refused this one's events, its unit of work rolled back and Axon dropped the stale cached
 * aggregate. The next attempt decides on fresh state, after a short random pause so that competing instances do not
 * retry in lockstep. Any other failure is the command's answer and is not retried: a refusal stays a refusal.
 */
public final class LostRaceRetry implements RetryScheduler {

    private final ScheduledExecutorService executor;
    private final int maxAttempts;
    private final MeterRegistry meters;

    public LostRaceRetry(ScheduledExecutorService executor, int maxAttempts, MeterRegistry meters) {
        this.executor = executor;
        this.maxAttempts = maxAttempts;
        this.meters = meters;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!isLostRace(lastFailure) || failures.size() >= maxAttempts) {
            return false;
        }
        meters.counter("jangteo.command.lost.races", "command", commandMessage.getPayloadType().getSimpleName())
              .increment();
        executor.schedule(dispatchTask, pauseMillis(failures.size()), TimeUnit.MILLISECONDS);
        return true;
    }

    /** A random pause before attempt {@code attempt + 1}, a little longer after each lost race (at most 21 ms). */
    public static long pauseMillis(int attempt) {
        return ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10) * 2L);
    }

    /** Whether the failure is a lost race on an aggregate's sequence, as the bus that handled it reported it. */
    public static boolean isLostRace(Throwable failure) {
        return Refusal.is(failure, Refusal.LOST_RACE);
    }
}
