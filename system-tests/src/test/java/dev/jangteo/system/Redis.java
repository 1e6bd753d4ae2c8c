package dev.jangteo.system;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/** The local Redis as the tests reach it directly (never through a proxy): dumps and cleanup of a stack's keys. */
final class Redis {

    static final String HOST = System.getProperty("jangteo.it.redis-host", "127.0.0.1");
    static final int PORT = Integer.getInteger("jangteo.it.redis-port", 6379);

    private Redis() {
    }

    /** A proxy to the local Redis that a test can cut and restore ({@link StackExtension#withRedisProxy}). */
    static TcpProxy proxy() {
        return TcpProxy.to(URI.create("redis://" + HOST + ":" + PORT));
    }

    static <T> T with(Function<RedisCommands<String, String>, T> work) {
        RedisClient client = RedisClient.create("redis://" + HOST + ":" + PORT);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return work.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    /** Every key under {@code prefix} with its content by type (sorted, so two dumps compare with equals). */
    static Map<String, Object> dump(String prefix) {
        return with(redis -> {
            Map<String, Object> keys = new TreeMap<>();
            eachKey(redis, prefix, key -> keys.put(key, content(redis, key)));
            return keys;
        });
    }

    /** Deletes every key starting with {@code prefix}; returns how many there were. */
    static long deleteKeys(String prefix) {
        return with(redis -> {
            long[] deleted = {0};
            eachKey(redis, prefix, key -> deleted[0] += redis.unlink(key));
            return deleted[0];
        });
    }

    private static void eachKey(RedisCommands<String, String> redis, String prefix, Consumer<String> action) {
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
            page.getKeys().forEach(action);
            cursor = page;
        } while (!cursor.isFinished());
    }

    private static Object content(RedisCommands<String, String> redis, String key) {
        return switch (redis.type(key)) {
            case "string" -> redis.get(key);
            case "hash" -> new TreeMap<>(redis.hgetall(key));
            case "set" -> new TreeSet<>(redis.smembers(key));
            case "zset" -> {
                Map<String, Double> scores = new TreeMap<>();
                for (ScoredValue<String> member : redis.zrangeWithScores(key, 0, -1)) {
                    scores.put(member.getValue(), member.getScore());
                }
                yield scores;
            }
            case "list" -> redis.lrange(key, 0, -1);
            case String other -> other;
        };
    }
}
