package dev.jangteo.query.ranking;

import dev.jangteo.platform.web.ApiException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Answers a ranking from Redis when it can and from PostgreSQL when it cannot, with the same items in the same
 * order either way. Redis answers only when its rankings are current ({@link RankingFreshness}), it still holds the
 * whole history (the marker is there, checked in the same script call as the ranking) and the period is still kept
 * there; its calls go through a circuit breaker, so while Redis is down a query costs a permission
 * check, not a timeout.
 */
@Service
class Rankings {

    private static final Logger log = LoggerFactory.getLogger(Rankings.class);
    /** The reason given while Redis lacks the marker of a complete history (it restarted empty). */
    static final String LOST = "redis_lost";

    enum Source {
        REDIS, DATABASE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Which source a query asks for. */
    enum Choice {
        AUTO, REDIS, DATABASE
    }

    record Item(int rank, String productId, String name, String category, long quantity, long revenue) {
    }

    record Ranking(String period, LocalDate date, LocalDate from, LocalDate to, String by, String source,
                   List<Item> items) {
    }

    private final RankingStore store;
    private final RankingDatabase database;
    private final RankingKeys keys;
    private final RankingFreshness freshness;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;
    private final Counter queryErrors;
    private final Map<String, Counter> fallbacks = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    Rankings(RankingStore store, RankingDatabase database, RankingKeys keys, RankingFreshness freshness,
             CircuitBreaker rankingsRedisBreaker, MeterRegistry meters) {
        this.store = store;
        this.database = database;
        this.keys = keys;
        this.freshness = freshness;
        this.breaker = rankingsRedisBreaker;
        this.meters = meters;
        this.queryErrors = RankingMetrics.redisErrors(meters, "query");
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(keys.zone()));
    }

    Ranking top(Period period, LocalDate date, Figure figure, int limit, Choice choice) {
        if (choice == Choice.DATABASE) {
            return fromDatabase(period, date, figure, limit);
        }
        String reason = keys.retained(period, date, clock.instant()) ? freshness.staleReason() : "past_retention";
        if (reason == null || choice == Choice.REDIS) {
            if (breaker.tryAcquirePermission()) {
                long start = System.nanoTime();
                try {
                    List<RankingStore.Ranked> ranked = store.top(period, date, figure, limit);
                    breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    return ranking(period, date, figure, Source.REDIS, ranked);
                } catch (RankingStore.RankingsLostException e) {
                    // Redis answered, it just no longer holds the history: not a fault of Redis for the breaker.
                    breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    reason = LOST;
                } catch (RuntimeException e) {
                    breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                    queryErrors.increment();
                    log.debug("Ranking query fell back to PostgreSQL", e);
                    reason = "redis_error";
                }
            } else {
                reason = "circuit_open";
            }
        }
        if (choice == Choice.REDIS) {
            throw ApiException.unavailable("RANKINGS_REDIS_UNAVAILABLE", "Redis cannot answer rankings now (" + reason
                    + "); ask with source=auto or source=database");
        }
        fallbacks.computeIfAbsent(reason, tag -> RankingMetrics.fallbacks(meters, tag)).increment();
        return fromDatabase(period, date, figure, limit);
    }

    private Ranking fromDatabase(Period period, LocalDate date, Figure figure, int limit) {
        return ranking(period, date, figure, Source.DATABASE, database.top(period, date, figure, limit));
    }

    /** Where a query would be answered from now, and why (for operators). */
    Map<String, Object> status() {
        String reason = freshness.staleReason();
        CircuitBreaker.State state = breaker.getState();
        if (reason == null && state != CircuitBreaker.State.OPEN) {
            reason = holdsHistory();
        }
        boolean redis = reason == null && state != CircuitBreaker.State.OPEN;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("source", (redis ? Source.REDIS : Source.DATABASE).label());
        status.put("reason", reason == null ? (redis ? "current" : "circuit_open") : reason);
        status.put("circuitBreaker", state.name());
        status.put("rebuilding", freshness.rebuilding());
        return status;
    }

    /** Null when Redis holds the whole history (the marker is there), else why not. */
    private String holdsHistory() {
        try {
            return store.complete() ? null : LOST;
        } catch (RuntimeException e) {
            return "redis_error";
        }
    }

    private static Ranking ranking(Period period, LocalDate date, Figure figure, Source source,
                                   List<RankingStore.Ranked> ranked) {
        List<Item> items = new ArrayList<>(ranked.size());
        for (RankingStore.Ranked product : ranked) {
            long quantity = figure == Figure.QUANTITY ? product.figure() : product.other();
            long revenue = figure == Figure.QUANTITY ? product.other() : product.figure();
            items.add(new Item(items.size() + 1, product.productId(), product.name(), product.category(), quantity,
                               revenue));
        }
        return new Ranking(period.parameter(), date, period.first(date), period.last(date), figure.parameter(),
                           source.label(), items);
    }
}
