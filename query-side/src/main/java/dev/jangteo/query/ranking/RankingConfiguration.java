package dev.jangteo.query.ranking;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redis for the rankings. Lettuce rejects commands at once while disconnected instead of queueing them until the
 * command timeout ({@code spring.data.redis.timeout}), and a circuit breaker stops queries from trying Redis at all
 * while it keeps failing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RankingProperties.class)
class RankingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RankingConfiguration.class);

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * The projection's own connection: its writes may wait {@code jangteo.rankings.write-timeout} (a batch that
     * times out is retried after a back-off, which would stall the rankings), while queries keep the short
     * {@code spring.data.redis.timeout} and fall back to PostgreSQL. Not a connection-factory bean, so Spring Boot's
     * own factory (queries, health) stays as configured.
     */
    @Bean(destroyMethod = "close")
    RankingWrites rankingWrites(DataRedisProperties redis, RankingProperties properties) {
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(redis.getHost(), redis.getPort());
        server.setDatabase(redis.getDatabase());
        server.setUsername(redis.getUsername());
        if (redis.getPassword() != null) {
            server.setPassword(redis.getPassword());
        }
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(properties.writeTimeout())
                .clientOptions(ClientOptions.builder()
                                            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                                            .build())
                .build();
        return RankingWrites.open(new LettuceConnectionFactory(server, client));
    }

    @Bean
    CircuitBreaker rankingsRedisBreaker(RankingProperties properties, MeterRegistry meters) {
        RankingProperties.CircuitBreaker settings = properties.circuitBreaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                                                          .failureRateThreshold(settings.failureRate())
                                                          .slidingWindowSize(settings.window())
                                                          .minimumNumberOfCalls(settings.minimumCalls())
                                                          .waitDurationInOpenState(settings.openFor())
                                                          .permittedNumberOfCallsInHalfOpenState(settings.probes())
                                                          .automaticTransitionFromOpenToHalfOpenEnabled(true)
                                                          .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry.circuitBreaker("rankings-redis");
    }

    /**
     * A rankings group without tokens starts from the first event, so whatever an earlier deployment left under the
     * same key prefix must go first. Runs before the processors start; if Redis is down then, the projection finds
     * the store incomplete later and rebuilds it. Clearing goes through the projection's write connection
     * ({@link RankingStore#clear()}), whose timeout also bounds opening it: on a busy machine, opening the queries'
     * connection took longer than their 200 ms in one system-test start in four.
     */
    @Bean
    SmartInitializingSingleton freshRankingsStartEmpty(TokenStore tokenStore, TransactionTemplate transaction,
                                                       RankingStore store) {
        return () -> {
            int[] segments = transaction.execute(status -> tokenStore.fetchSegments(RankingProjection.GROUP));
            if (segments != null && segments.length == 0) {
                try {
                    store.clear();
                } catch (RuntimeException e) {
                    log.warn("Redis unreachable at start; the rankings will be rebuilt when it answers", e);
                }
            }
        };
    }
}
