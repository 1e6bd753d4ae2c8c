package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis taken away from the query side in the middle of an ordering load, then given back. Ranking queries keep
 * answering (from PostgreSQL, no client error), health shows Redis down while the app stays ready, and afterwards the
 * Redis ranking converges on its own to exactly what was paid: nothing lost, nothing counted twice.
 */
class RankingOutageIT {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Duration LOAD = Duration.ofSeconds(16);
    private static final Duration OUTAGE_STARTS = Duration.ofSeconds(4);
    private static final Duration OUTAGE_ENDS = Duration.ofSeconds(10);

    static final TcpProxy redis = Redis.proxy();

    @RegisterExtension
    static final StackExtension stack = new StackExtension("rankingoutage", 1).withRedisProxy(redis);

    @Test
    void canAnswerThroughARedisOutageAndConvergeExactly() throws Exception {
        URI command = stack.command();
        URI query = stack.query();
        Map<String, Long> prices = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            long price = 1_000L * (1 + i % 3);
            prices.put(Shop.product(command, price, 1_000_000), price);
        }
        List<String> products = new ArrayList<>(prices.keySet());
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(Shop.unique("buyer"));
            Shop.openAccount(command, users.get(i), 100_000_000);
        }

        // The outage must begin while Redis answers: on a fresh, busy stack the rankings processor may still be
        // starting or catching up with the catalog, and every answer would come from PostgreSQL.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
               .until(() -> Shop.get(query, "/api/rankings/products?period=daily&limit=10").path("source").asText()
                                .equals("redis"));

        List<String> orders = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        List<String> sources = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        Instant start = Instant.now();
        List<Thread> load = new ArrayList<>();
        for (String user : users) {
            load.add(Thread.ofVirtual().start(() -> {
                while (loading.get()) {
                    Map<String, Integer> items = new HashMap<>();
                    int lines = 1 + ThreadLocalRandom.current().nextInt(2);
                    for (int l = 0; l < lines; l++) {
                        items.merge(products.get(ThreadLocalRandom.current().nextInt(products.size())),
                                    1 + ThreadLocalRandom.current().nextInt(3), Integer::sum);
                    }
                    Answer placed = Shop.placeOrder(command, user, items, null);
                    if (placed.status() == 202) {
                        orders.add(placed.body().path("orderId").asText());
                    }
                }
            }));
        }
        Thread reader = Thread.ofVirtual().start(() -> {
            while (loading.get()) {
                Answer ranking = Http.get(query.resolve("/api/rankings/products?period=daily&limit=10"));
                statuses.add(ranking.status());
                if (ranking.status() != 200) {
                    refusals.add(ranking.status() + " " + ranking.body());
                }
                sources.add(ranking.body().path("source").asText());
            }
        });

        JsonNode health;
        int readiness;
        List<String> cancelled;
        try {
            pauseUntil(start.plus(OUTAGE_STARTS));
            redis.cut();
            await().atMost(Duration.ofSeconds(30))
                   .until(() -> !sources.isEmpty() && sources.getLast().equals("database"));
            // Health components are shown to operators only.
            health = Http.get(query.resolve("/actuator/health"), Tokens.admin()).body();
            readiness = Http.get(query.resolve("/actuator/health/readiness")).status();
            cancelled = cancelSomePaid(orders, command, query);
            pauseUntil(start.plus(OUTAGE_ENDS));
            redis.restore();
            pauseUntil(start.plus(LOAD));
        } finally {
            // Whatever failed above, the next test must not inherit a running load or a cut Redis.
            loading.set(false);
            redis.restore();
            for (Thread thread : load) {
                thread.join();
            }
            reader.join();
            settle(orders, query);
        }

        assertThat(statuses).as("every ranking query answered: %s", refusals).isNotEmpty().containsOnly(200);
        assertThat(sources).contains("redis", "database");
        assertThat(health.path("components").path("rankings").path("status").asText()).isEqualTo("DOWN");
        assertThat(readiness).as("readiness while Redis is down").isEqualTo(200);
        assertThat(cancelled).isNotEmpty();

        Map<LocalDate, Map<String, long[]>> paid = paidByDay(orders, Set.copyOf(cancelled), query, prices);
        assertThat(paid).isNotEmpty();
        for (Map.Entry<LocalDate, Map<String, long[]>> day : paid.entrySet()) {
            for (String by : List.of("quantity", "revenue")) {
                String ranking = "/api/rankings/products?period=daily&limit=100&date=" + day.getKey() + "&by=" + by;
                List<String> expected = expected(day.getValue(), by.equals("quantity") ? 0 : 1);
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                       .untilAsserted(() -> assertThat(items(query, ranking, "redis")).isEqualTo(expected));
                assertThat(items(query, ranking + "&source=database", "database")).isEqualTo(expected);
            }
        }
        assertThat(Prometheus.series(query, "jangteo_rankings_fallbacks_total", "jangteo_rankings_redis_errors_total",
                                     "jangteo_rankings_update_lag_seconds_count"))
                .contains("jangteo_rankings_fallbacks_total{", "reason=\"processor_failing\"",
                          "jangteo_rankings_redis_errors_total{", "operation=\"apply\"",
                          "jangteo_rankings_update_lag_seconds_count");
    }

    /**
     * With no orders flowing the projection has nothing to write, so only the queries meet the dead Redis: after a
     * few failed calls the circuit breaker opens and queries go straight to PostgreSQL; it closes again once Redis
     * answers its probes.
     */
    @Test
    void canStopAskingADeadRedisAndComeBack() throws Exception {
        URI query = stack.query();
        String path = "/api/rankings/products?period=monthly&by=revenue";
        // A sale reaching the projection while Redis is cut would mark the rankings stale, and queries would fall
        // back for that reason without ever asking Redis: nothing may be in flight.
        Operators.awaitCaughtUp(query);
        await().atMost(Duration.ofSeconds(60)).until(() -> Shop.get(query, path).path("source").asText()
                                                                .equals("redis"));

        redis.cut();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sources.add(Shop.get(query, path).path("source").asText());
        }
        // The breaker's state and window, and the app's uptime, say why if the circuit did not open.
        String metrics = Prometheus.series(query, "jangteo_rankings_fallbacks_total",
                                           "resilience4j_circuitbreaker_state",
                                           "resilience4j_circuitbreaker_buffered_calls", "process_uptime_seconds");
        redis.restore();

        assertThat(sources).containsOnly("database");
        assertThat(metrics).containsPattern("jangteo_rankings_fallbacks_total\\{[^}]*reason=\"circuit_open\"[^}]*} [1-9]")
                           .containsPattern("jangteo_rankings_fallbacks_total\\{[^}]*reason=\"redis_error\"[^}]*} [1-9]")
                           .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*state=\"open\"[^}]*} 1");
        await().atMost(Duration.ofSeconds(60)).until(() -> Shop.get(query, path).path("source").asText()
                                                                .equals("redis"));
    }

    /**
     * Waits for every order of the load to reach its outcome, so that a failure above does not leave sales in flight
     * into the next test. Gives up at the first order that does not settle (the stack is broken then).
     */
    private static void settle(List<String> orders, URI query) {
        try {
            for (String orderId : List.copyOf(orders)) {
                Shop.awaitOutcome(query, orderId);
            }
        } catch (RuntimeException e) {
            // reported by the assertions that follow, or by the next test
        }
    }

    /** Cancels a few paid orders while Redis is away; their sales must come off the ranking once it is back. */
    private static List<String> cancelSomePaid(List<String> orders, URI command, URI query) {
        List<String> cancelled = new ArrayList<>();
        for (String orderId : List.copyOf(orders).subList(0, Math.min(6, orders.size()))) {
            if (Shop.awaitOutcome(query, orderId).path("status").asText().equals("PAID")) {
                Answer cancelling = Http.post(command.resolve("/api/orders/" + orderId + "/cancellation"), "");
                assertThat(cancelling.status()).as("cancel %s: %s", orderId, cancelling.body()).isEqualTo(202);
                cancelled.add(orderId);
            }
        }
        return cancelled;
    }

    /** What each Seoul day's ranking must hold: the lines of every order that ended PAID, by product. */
    private static Map<LocalDate, Map<String, long[]>> paidByDay(List<String> orders, Set<String> cancelled,
                                                                 URI query, Map<String, Long> prices) {
        Map<LocalDate, Map<String, long[]>> days = new HashMap<>();
        for (String orderId : orders) {
            if (cancelled.contains(orderId)) {
                Shop.awaitStatus(query, orderId, Set.of("CANCELLED"));
                continue;
            }
            JsonNode order = Shop.awaitOutcome(query, orderId);
            if (!order.path("status").asText().equals("PAID")) {
                continue;
            }
            LocalDate day = Instant.parse(order.path("paidAt").asText()).atZone(SEOUL).toLocalDate();
            for (JsonNode line : order.path("lines")) {
                String product = line.path("productId").asText();
                long quantity = line.path("quantity").asLong();
                long[] total = days.computeIfAbsent(day, d -> new HashMap<>())
                                   .computeIfAbsent(product, p -> new long[2]);
                total[0] += quantity;
                total[1] += quantity * prices.get(product);
            }
        }
        return days;
    }

    private static List<String> expected(Map<String, long[]> totals, int figure) {
        List<String> items = new ArrayList<>();
        totals.entrySet().stream()
              .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[figure])
                                .thenComparing(Map.Entry::getKey))
              .forEach(e -> items.add((items.size() + 1) + " " + e.getKey() + " " + e.getValue()[0] + " "
                                              + e.getValue()[1]));
        return items;
    }

    private static List<String> items(URI query, String path, String source) {
        JsonNode ranking = Shop.get(query, path);
        assertThat(ranking.path("source").asText()).as(path).isEqualTo(source);
        List<String> items = new ArrayList<>();
        for (JsonNode item : ranking.path("items")) {
            items.add(item.path("rank").asInt() + " " + item.path("productId").asText() + " "
                              + item.path("quantity").asLong() + " " + item.path("revenue").asLong());
        }
        return items;
    }

    /** The load's timeline: the outage starts and ends at fixed offsets from its start. */
    private static void pauseUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
