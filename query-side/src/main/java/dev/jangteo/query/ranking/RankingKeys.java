package dev.jangteo.query.ranking;

import dev.jangteo.query.readmodel.Shadow;
import dev.jangteo.query.sales.SalesProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where the rankings live in Redis and for how long. Days are cut in the sales time zone
 * ({@code jangteo.sales.time-zone}), the same calendar as the PostgreSQL sales read model, so both sources agree.
 * <pre>
 * {prefix}ranking:products:quantity:daily:2026-11-21    sorted set: product id -> units sold that day
 * {prefix}ranking:products:revenue:weekly:2026-W47      sorted set: product id -> won taken that ISO week
 * {prefix}ranking:products:quantity:monthly:2026-11
 * {prefix}ranking:applied:2026-11-21                    set: ids of the events applied to that day's figures
 * {prefix}ranking:product-names, ...:product-categories hashes: product id -> name, category
 * {prefix}ranking:complete                              marker: the keys hold the whole history (see RankingStore)
 * </pre>
 * A period's keys expire {@code retention} after the period ends; the applied set of a day lives as long as the
 * longest-lived key it guards (its month's).
 */
@Component
class RankingKeys {

    private final String base;
    private final String prefix;
    private final ZoneId zone;
    private final Duration retention;

    @Autowired
    RankingKeys(@Value("${jangteo.redis.key-prefix:}") String prefix, SalesProperties sales,
                RankingProperties properties) {
        this(prefix, sales.timeZone(), properties.retention());
    }

    private RankingKeys(String base, ZoneId zone, Duration retention) {
        this.base = base;
        this.prefix = base + "ranking:";
        this.zone = zone;
        this.retention = retention;
    }

    /** The keys of a verified replay's shadow copy: {prefix}shadow-{name}:ranking:..., apart from the live ones. */
    RankingKeys shadow(Shadow shadow) {
        return new RankingKeys(base + "shadow-" + shadow.name() + ":", zone, retention);
    }

    /** A key's name without this set's prefix, so that a live key and its shadow copy compare by the same name. */
    String relative(String key) {
        return key.substring(prefix.length());
    }

    String ranking(Figure figure, Period period, LocalDate date) {
        return prefix + "products:" + figure.parameter() + ":" + period.parameter() + ":" + period.label(date);
    }

    String applied(LocalDate day) {
        return prefix + "applied:" + day;
    }

    String names() {
        return prefix + "product-names";
    }

    String categories() {
        return prefix + "product-categories";
    }

    String complete() {
        return prefix + "complete";
    }

    /** A SCAN pattern matching every ranking key of this prefix. */
    String everyKey() {
        return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** When the keys of the period holding {@code date} expire, in epoch seconds. */
    long expireAt(Period period, LocalDate date) {
        return period.last(date).plusDays(1).atStartOfDay(zone).plus(retention).toEpochSecond();
    }

    /** Whether Redis still keeps the period holding {@code date} at {@code now}. */
    boolean retained(Period period, LocalDate date, Instant now) {
        return now.getEpochSecond() < expireAt(period, date);
    }
}
