package dev.jangteo.query.ranking;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Redis as the rankings see it, under {@code /actuator/health} ("rankings"): DOWN when Redis does not answer, with
 * where queries are answered from meanwhile. Not part of readiness: without Redis, rankings answer from PostgreSQL
 * and everything else keeps working.
 */
@Component("rankingsHealthIndicator")
class RankingHealthIndicator implements HealthIndicator {

    private final StringRedisTemplate redis;
    private final Rankings rankings;

    RankingHealthIndicator(StringRedisTemplate redis, Rankings rankings) {
        this.redis = redis;
        this.rankings = rankings;
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            redis.execute((org.springframework.data.redis.core.RedisCallback<String>) connection -> connection.ping());
            health = Health.up();
        } catch (RuntimeException e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return health.withDetails(rankings.status()).build();
    }
}
