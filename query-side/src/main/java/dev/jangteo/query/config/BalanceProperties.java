package dev.jangteo.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the query-side instances share segments ({@link SegmentBalancer}): how often each says it is alive and
 * rebalances; how long after its last word an instance no longer counts; how long a request for every segment of a
 * group stands unless renewed (its instance renews it each interval while alive); how long {@code takeAll} waits
 * for the others to let go.
 */
@ConfigurationProperties("jangteo.processing.balance")
record BalanceProperties(Duration interval, Duration nodeTimeout, Duration handoverTimeout, Duration handoverWait) {
}
