package dev.jangteo.query.ranking;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The rankings projection's writes: a Redis template on a connection of its own ({@link RankingConfiguration}). */
final class RankingWrites implements AutoCloseable {

    private final LettuceConnectionFactory connections;
    private final StringRedisTemplate redis;

    private RankingWrites(LettuceConnectionFactory connections) {
        this.connections = connections;
        this.redis = new StringRedisTemplate(connections);
    }

    static RankingWrites open(LettuceConnectionFactory connections) {
        connections.afterPropertiesSet();
        connections.start();
        return new RankingWrites(connections);
    }

    StringRedisTemplate redis() {
        return redis;
    }

    @Override
    public void close() {
        connections.destroy();
    }
}
