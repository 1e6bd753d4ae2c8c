package dev.jangteo.command.web.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code jangteo.rate-limits.*}: token buckets on the command API, one per authenticated user and one per client
 * address. The defaults are generous: they stop a runaway client, not a busy one, and leave the system tests and
 * benchmarks (many users, one address) alone.
 *
 * @param enabled           off: no limit at all
 * @param perUser           the bucket of each authenticated user (the servlet principal)
 * @param perIp             the bucket of each client address, users or not
 * @param trustedProxyHops  0: the address is the TCP peer's and X-Forwarded-For is ignored (a client could write
 *                          anything there); n > 0: n proxies of ours stand in front, each appending the address it
 *                          saw, so the client is the n-th address from the right of X-Forwarded-For
 * @param idleEviction      a bucket unused this long is dropped (it has refilled by then), which bounds memory
 */
@ConfigurationProperties("jangteo.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue Bucket perUser,
                                  @DefaultValue Bucket perIp,
                                  @DefaultValue("0") int trustedProxyHops,
                                  @DefaultValue("10m") Duration idleEviction) {

    /**
     * A bucket holds {@code capacity} requests (the burst) and gains {@code refillTokens} every
     * {@code refillPeriod}, spread evenly over it (bucket4j's greedy refill).
     */
    public record Bucket(@DefaultValue("0") long capacity,
                         @DefaultValue("0") long refillTokens,
                         @DefaultValue("1s") Duration refillPeriod) {
    }
}
