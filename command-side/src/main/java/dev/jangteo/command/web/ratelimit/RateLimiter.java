package dev.jangteo.command.web.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key (a user or an address), in this instance's memory: with n command-side instances behind
 * a balancer a client gets up to n times the configured rate. That is the price of never asking a shared store on
 * the hot path; the limits are there to stop abuse, not to meter.
 * <p>
 * A request takes a token or is refused at once: nothing waits for a token, so a limit never delays or reorders the
 * requests it lets through.
 */
final class RateLimiter {

    /** Allowed, or refused with the time until a token is back. */
    record Decision(boolean allowed, Duration retryAfter) {
    }

    private record Entry(Bucket bucket, long lastUsedNanos) {
    }

    private final RateLimitProperties.Bucket limit;
    private final long idleNanos;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimitProperties.Bucket limit, Duration idleEviction) {
        if (limit.capacity() <= 0 || limit.refillTokens() <= 0 || !limit.refillPeriod().isPositive()) {
            throw new IllegalArgumentException("A rate limit needs a positive capacity, refill and period: " + limit);
        }
        this.limit = limit;
        this.idleNanos = idleEviction.toNanos();
    }

    Decision tryAcquire(String key) {
        long now = System.nanoTime();
        Entry entry = buckets.compute(key, (k, old) -> new Entry(old == null ? newBucket() : old.bucket(), now));
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? new Decision(true, Duration.ZERO)
                                  : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Drops buckets idle long enough to be full again: a new one is the same. */
    void evictIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(entry -> now - entry.lastUsedNanos() > idleNanos);
    }

    int size() {
        return buckets.size();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                     .addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                                                     .refillGreedy(limit.refillTokens(), limit.refillPeriod()))
                     .build();
    }
}
