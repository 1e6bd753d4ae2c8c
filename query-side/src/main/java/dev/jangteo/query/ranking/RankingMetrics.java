package dev.jangteo.query.ranking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The rankings' counters, named in one place: Redis errors by operation, fallbacks to PostgreSQL by reason. */
final class RankingMetrics {

    private RankingMetrics() {
    }

    static Counter redisErrors(MeterRegistry meters, String operation) {
        return Counter.builder("jangteo.rankings.redis.errors")
                      .description("Redis calls of the rankings that failed")
                      .tag("operation", operation)
                      .register(meters);
    }

    static Counter fallbacks(MeterRegistry meters, String reason) {
        return Counter.builder("jangteo.rankings.fallbacks")
                      .description("Ranking queries answered from PostgreSQL instead of Redis")
                      .tag("reason", reason)
                      .register(meters);
    }
}
