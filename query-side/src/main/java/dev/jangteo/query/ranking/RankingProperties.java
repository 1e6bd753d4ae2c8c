package dev.jangteo.query.ranking;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the product rankings ({@code jangteo.rankings}).
 *
 * @param retention      how long after a period ends its Redis keys live; older periods answer from PostgreSQL
 * @param writeTimeout   how long the projection's writes may wait for Redis (queries: spring.data.redis.timeout)
 * @param circuitBreaker when queries stop asking Redis and answer from PostgreSQL
 * @param checkInterval  how often Redis is checked for having lost the rankings (then they are rebuilt)
 */
@ConfigurationProperties("jangteo.rankings")
record RankingProperties(Duration retention, Duration writeTimeout, CircuitBreaker circuitBreaker,
                         Duration checkInterval) {

    /**
     * @param failureRate   percentage of failed calls among the last {@code window} that opens the breaker
     * @param window        how many recent calls the failure rate is computed over
     * @param minimumCalls  calls needed before the rate counts
     * @param openFor       how long an open breaker sends every query to PostgreSQL before probing Redis again
     * @param probes        calls let through to probe Redis when half open
     */
    record CircuitBreaker(float failureRate, int window, int minimumCalls, Duration openFor, int probes) {
    }
}
