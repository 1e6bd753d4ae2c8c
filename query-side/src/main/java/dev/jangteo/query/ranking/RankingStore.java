package dev.jangteo.query.ranking;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rankings in Redis: sorted sets per figure and period, written by {@code apply.lua} and read by
 * {@code top.lua}, one round trip each. {@link RankingKeys} describes the keys.
 * <p>
 * Redis on our machines keeps nothing on disk, so a restart loses every key. The {@code complete} marker, written
 * when the keys are (re)built from the start of history, tells a full store from an emptied one: the apply script
 * refuses to write without it, and the projection then rebuilds the rankings from the event store.
 * <p>
 * Everything that writes (the batches, clearing, deleting shadow keys) goes through the projection's own connection
 * ({@link RankingWrites}, {@code jangteo.rankings.write-timeout}); only queries use the short-timeout one.
 */
@Component
class RankingStore {

    /** Ties are broken by product id in byte order, as Redis orders members and PostgreSQL's "C" collation does. */
    static final Comparator<String> PRODUCT_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private static final Period[] PERIODS = {Period.DAILY, Period.WEEKLY, Period.MONTHLY};
    private static final int KEYS_PER_CHANGE = 7;
    private static final int UNLINK_CHUNK = 500;
    /** What {@code top.lua} answers when the marker is missing. */
    private static final List<String> LOST = List.of("lost");

    private final StringRedisTemplate redis;
    private final StringRedisTemplate writes;
    private final RankingKeys live;

    private final RedisScript<Long> applyScript = RedisScript.of(new ClassPathResource("ranking/apply.lua"), Long.class);
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> topScript = RedisScript.of(new ClassPathResource("ranking/top.lua"), List.class);

    RankingStore(StringRedisTemplate redis, RankingWrites writes, RankingKeys live) {
        this.redis = redis;
        this.writes = writes.redis();
        this.live = live;
    }

    /** Thrown when the store lost its keys (the marker is gone): the rankings must be rebuilt from the events. */
    static final class RankingsLostException extends IllegalStateException {
        RankingsLostException() {
            super("Redis no longer holds the rankings: the complete marker is missing");
        }
    }

    /**
     * Writes one batch; a change whose event was applied before is skipped inside the script. Returns how many
     * changes were applied. Changes to periods past retention at {@code now} are left out.
     */
    long apply(RankingBatch batch, Instant now, RankingKeys keys) {
        if (!batch.products().isEmpty()) {
            Map<String, String> names = new HashMap<>();
            Map<String, String> categories = new HashMap<>();
            batch.products().forEach((id, product) -> {
                names.put(id, product.name());
                categories.put(id, product.category());
            });
            writes.opsForHash().putAll(keys.names(), names);
            writes.opsForHash().putAll(keys.categories(), categories);
        }
        List<String> scriptKeys = new ArrayList<>(1 + KEYS_PER_CHANGE * batch.changes().size());
        List<String> args = new ArrayList<>();
        scriptKeys.add(keys.complete());
        args.add("0");
        int count = 0;
        for (RankingBatch.Change change : batch.changes()) {
            count += addChange(change, now, keys, scriptKeys, args) ? 1 : 0;
        }
        if (count == 0) {
            return 0;
        }
        args.set(0, Integer.toString(count));
        Long applied = writes.execute(applyScript, scriptKeys, args.toArray());
        if (applied == null || applied < 0) {
            throw new RankingsLostException();
        }
        return applied;
    }

    private boolean addChange(RankingBatch.Change change, Instant now, RankingKeys keys, List<String> scriptKeys,
                              List<String> args) {
        LocalDate day = change.day();
        long[] expireAt = new long[PERIODS.length];
        long appliedExpireAt = 0;
        for (int i = 0; i < PERIODS.length; i++) {
            expireAt[i] = keys.retained(PERIODS[i], day, now) ? keys.expireAt(PERIODS[i], day) : 0;
            appliedExpireAt = Math.max(appliedExpireAt, expireAt[i]);
        }
        if (appliedExpireAt == 0) {
            return false;
        }
        scriptKeys.add(keys.applied(day));
        for (Period period : PERIODS) {
            scriptKeys.add(keys.ranking(Figure.QUANTITY, period, day));
            scriptKeys.add(keys.ranking(Figure.REVENUE, period, day));
        }
        args.add(change.eventId());
        args.add(Long.toString(appliedExpireAt));
        for (long at : expireAt) {
            args.add(Long.toString(at));
        }
        args.add(Integer.toString(change.lines().size()));
        for (RankingBatch.Line line : change.lines()) {
            args.add(line.productId());
            args.add(Long.toString(change.sign() * line.quantity()));
            args.add(Long.toString(change.sign() * line.revenue()));
        }
        return true;
    }

    /** One product's place: the figure ranked by, the other figure, and what the catalog said about it. */
    record Ranked(String productId, long figure, long other, String name, String category) {
    }

    /**
     * The top {@code limit} products of a period by {@code figure}, ties broken by product id.
     *
     * @throws RankingsLostException when the keys no longer hold the whole history (the marker is gone)
     */
    List<Ranked> top(Period period, LocalDate date, Figure figure, int limit) {
        List<String> scriptKeys = List.of(live.ranking(figure, period, date),
                                          live.ranking(figure.other(), period, date),
                                          live.names(), live.categories(), live.complete());
        List<?> reply = redis.execute(topScript, scriptKeys, Integer.toString(limit));
        if (reply != null && reply.equals(LOST)) {
            throw new RankingsLostException();
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; reply != null && i + 4 < reply.size(); i += 5) {
            ranked.add(new Ranked((String) reply.get(i), whole(reply.get(i + 1)), whole(reply.get(i + 2)),
                                  (String) reply.get(i + 3), (String) reply.get(i + 4)));
        }
        ranked.sort(Comparator.comparingLong(Ranked::figure).reversed()
                              .thenComparing(Ranked::productId, PRODUCT_ORDER));
        return ranked;
    }

    private static long whole(Object score) {
        return score == null ? 0 : (long) Double.parseDouble((String) score);
    }

    /** Empties the live rankings for a rebuild from the start ({@link #clear(RankingKeys)}). */
    void clear() {
        clear(live);
    }

    /** Deletes every ranking key of {@code keys}, then marks the (empty) store complete for a rebuild from the start. */
    void clear(RankingKeys keys) {
        delete(keys);
        writes.opsForValue().set(keys.complete(), "1");
    }

    /** Deletes every ranking key of {@code keys}. */
    void delete(RankingKeys keys) {
        List<String> batch = new ArrayList<>(UNLINK_CHUNK);
        for (String key : keysOf(keys)) {
            batch.add(key);
            if (batch.size() == UNLINK_CHUNK) {
                writes.unlink(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            writes.unlink(batch);
        }
    }

    /** Every ranking key of {@code keys}. */
    List<String> keysOf(RankingKeys keys) {
        List<String> found = new ArrayList<>();
        try (Cursor<String> cursor = writes.scan(ScanOptions.scanOptions().match(keys.everyKey()).count(1000).build())) {
            cursor.forEachRemaining(found::add);
        }
        return found;
    }

    /** A key's content by type, in a form that compares with equals (for verified replays). */
    Object content(String key) {
        DataType type = redis.type(key);
        return switch (type) {
            case STRING -> redis.opsForValue().get(key);
            case HASH -> new TreeMap<>(redis.opsForHash().entries(key));
            case SET -> new TreeSet<>(redis.opsForSet().members(key));
            case ZSET -> {
                Map<String, Double> scores = new TreeMap<>();
                Set<ZSetOperations.TypedTuple<String>> members = redis.opsForZSet().rangeWithScores(key, 0, -1);
                if (members != null) {
                    members.forEach(member -> scores.put(member.getValue(), member.getScore()));
                }
                yield scores;
            }
            case null, default -> String.valueOf(type);
        };
    }

    /** Whether the keys hold the whole history (the marker is there). */
    boolean complete() {
        return Boolean.TRUE.equals(redis.hasKey(live.complete()));
    }
}
