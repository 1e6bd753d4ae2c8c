package dev.jangteo.benchmarks.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.benchmarks.http.BenchException;
import dev.jangteo.benchmarks.http.BenchTokens;
import dev.jangteo.benchmarks.http.PrometheusText;
import dev.jangteo.benchmarks.http.ShopClient;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.measure.Latencies;
import dev.jangteo.benchmarks.report.Report;
import dev.jangteo.benchmarks.report.ScenarioResult;
import dev.jangteo.testkit.Answer;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Product rankings under load: {@code orderClients} clients order without pause (place, then long-poll until
 * PAID) while 1, 50 and 200 clients read {@code GET /api/rankings/products}; each reading phase gives throughput
 * and p50/p99, and the rankings' update lag (event time to Redis write) over the same window from the query side's
 * histogram. The ceiling is {@code redis-benchmark} ZREVRANGE 0 9 WITHSCORES on the same Redis and key, in the same
 * run and under the same order load. Last, with the orders stopped, every period and figure of today is read from
 * Redis and from PostgreSQL: the share that agree is the accuracy.
 */
public final class RankingScenario implements Scenario {

    private static final int PRODUCTS = 20;
    private static final long DEPOSIT = 10_000_000_000L;
    private static final String LAG = "jangteo_rankings_update_lag_seconds";
    private static final Pattern REDIS_RPS = Pattern.compile("([0-9.]+) requests per second");
    private static final double TARGET_P99_MS = 10;
    private static final double TARGET_CEILING_RATIO = 0.15;
    private static final double TARGET_LAG_P99_MS = 500;
    private static final ZoneId SALES_ZONE = ZoneId.of("Asia/Seoul");

    /** Where the scenario finds Redis and the query side's ranking keys. */
    public record Settings(List<Integer> readerClients, int orderClients, Duration warmup, Duration length,
                           String redisHost, int redisPort, String keyPrefix) {
    }

    private final ShopClient shop;
    private final Report report;
    private final Settings settings;

    public RankingScenario(ShopClient shop, Report report, Settings settings) {
        this.shop = shop;
        this.report = report;
        this.settings = settings;
    }

    private record Phase(int clients, Latencies latencies, long redis, long database, long errors, long nanos,
                         double lagP50Ms, double lagP99Ms) {

        double perSecond() {
            return Fmt.perSecond(redis + database, nanos);
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>(latencies.figures());
            figures.put("clients", clients);
            figures.put("requestsPerSecond", Fmt.round(perSecond()));
            figures.put("fromRedis", redis);
            figures.put("fromDatabase", database);
            figures.put("errors", errors);
            figures.put("updateLagP50MsAtMost", Fmt.round(lagP50Ms));
            figures.put("updateLagP99MsAtMost", Fmt.round(lagP99Ms));
            return figures;
        }

        String describe() {
            return "readers=" + clients + " rps=" + Fmt.rate(perSecond())
                    + " p50=" + Fmt.millis(latencies.percentileMillis(50))
                    + " p99=" + Fmt.millis(latencies.percentileMillis(99))
                    + " redis/database=" + redis + "/" + database + " errors=" + errors
                    + " update lag p50<=" + Fmt.millis(lagP50Ms) + " p99<=" + Fmt.millis(lagP99Ms);
        }
    }

    @Override
    public String name() {
        return "rankings";
    }

    @Override
    public String description() {
        return "rankings: GET /api/rankings/products with readers " + settings.readerClients() + " while "
                + settings.orderClients() + " clients order; " + settings.warmup().toSeconds() + "s warm-up + "
                + settings.length().toSeconds() + "s each; redis-benchmark ZREVRANGE ceiling; accuracy";
    }

    @Override
    public ScenarioResult run() {
        String userId = shop.fundedBuyer("ranking-bench-", DEPOSIT);
        List<String> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(shop.registerProduct("Ranked product " + i, i % 2 == 0 ? "food" : "home",
                                              1_000 + 250L * (i % 5), 1_000_000_000, BenchTokens.admin()));
        }
        AtomicBoolean ordering = new AtomicBoolean(true);
        LongAdder paid = new LongAdder();
        List<Phase> phases = new ArrayList<>();
        double ceiling;
        try (ExecutorService orders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < settings.orderClients(); i++) {
                int client = i;
                orders.execute(() -> order(userId, products, client, ordering, paid));
            }
            ClosedLoop.pause(settings.warmup());
            for (int clients : settings.readerClients()) {
                Phase phase = read(clients);
                phases.add(phase);
                report.detail("rankings " + phase.describe());
            }
            ceiling = redisCeiling();
            ordering.set(false);
        }
        awaitRedisAnswers();
        double accuracy = accuracy();

        Phase busiest = phases.getLast();
        double ratio = ceiling > 0 ? busiest.perSecond() / ceiling : Double.NaN;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("phases", phases.stream().map(Phase::figures).toList());
        figures.put("ordersPaid", paid.sum());
        figures.put("redisCeilingZrevrangePerSecond", Fmt.round(ceiling));
        figures.put("ratioToRedisCeiling", Fmt.round(ratio));
        figures.put("accuracy", Fmt.round(accuracy));
        StringBuilder summary = new StringBuilder();
        phases.forEach(phase -> summary.append(phase.describe()).append("; "));
        summary.append("redis-benchmark ZREVRANGE 0 9 WITHSCORES ").append(Fmt.rate(ceiling)).append("/s, ratio ")
               .append(Fmt.ratio(ratio)).append("; accuracy ").append(Fmt.ratio(accuracy)).append("; ");
        boolean ok = busiest.errors() == 0 && accuracy == 1.0
                && busiest.latencies().percentileMillis(99) < TARGET_P99_MS
                && ratio >= TARGET_CEILING_RATIO
                && (settings.orderClients() == 0
                    || phases.stream().allMatch(phase -> phase.lagP99Ms() < TARGET_LAG_P99_MS));
        summary.append("targets at ").append(busiest.clients()).append(" readers: p99 < ").append((int) TARGET_P99_MS)
               .append(" ms, >= ").append(TARGET_CEILING_RATIO).append(" of the Redis ceiling; update lag p99 < ")
               .append((int) TARGET_LAG_P99_MS).append(" ms; accuracy 1.0");
        return ScenarioResult.checked(name(), ok, summary.toString(), figures);
    }

    private void order(String userId, List<String> products, int client, AtomicBoolean ordering, LongAdder paid) {
        int sequence = 0;
        while (ordering.get()) {
            String product = products.get((client * 7 + sequence++ * 3) % products.size());
            try {
                Answer placed = shop.command("/api/orders", Map.of(
                        "userId", userId, "items", List.of(Map.of("productId", product,
                                                                  "quantity", 1 + sequence % 3))));
                if (placed.status() != 202) {
                    ClosedLoop.pause(Duration.ofMillis(50));
                    continue;
                }
                Answer order = shop.query("/api/orders/" + placed.body().get("orderId").asText()
                                                  + "?wait=5", BenchTokens.client(userId));
                if (order.body().path("status").asText("").equals("PAID")) {
                    paid.increment();
                }
            } catch (BenchException e) {
                ClosedLoop.pause(Duration.ofMillis(50));
            }
        }
    }

    private Phase read(int clients) {
        TreeMap<Double, Double> lagBefore;
        TreeMap<Double, Double> lagAfter;
        long start;
        long end;
        try (RankingReaders readers = RankingReaders.start(shop, clients)) {
            ClosedLoop.pause(settings.warmup());
            lagBefore = PrometheusText.buckets(shop.text("/actuator/prometheus"), LAG);
            readers.measure();
            start = System.nanoTime();
            ClosedLoop.pause(settings.length());
            readers.stop();
            end = System.nanoTime();
            lagAfter = PrometheusText.buckets(shop.text("/actuator/prometheus"), LAG);
            return new Phase(clients, readers.latencies(), readers.fromRedis(), readers.fromDatabase(),
                             readers.errors(), end - start,
                             1_000 * PrometheusText.quantileBetween(lagBefore, lagAfter, 0.5),
                             1_000 * PrometheusText.quantileBetween(lagBefore, lagAfter, 0.99));
        }
    }

    /** redis-benchmark's ZREVRANGE 0 9 WITHSCORES rate on today's daily quantity key (0 when it cannot run). */
    private double redisCeiling() {
        if (!Processes.onPath("redis-benchmark")) {
            report.detail("rankings: redis-benchmark not on PATH, no ceiling");
            return 0;
        }
        String key = settings.keyPrefix() + "ranking:products:quantity:daily:" + LocalDate.now(SALES_ZONE);
        Processes.Outcome outcome = Processes.run(
                List.of("redis-benchmark", "-h", settings.redisHost(), "-p", Integer.toString(settings.redisPort()),
                        "-c", "50", "-n", "200000", "-q", "ZREVRANGE", key, "0", "9", "WITHSCORES"),
                Map.of(), Duration.ofMinutes(2));
        Matcher rate = REDIS_RPS.matcher(outcome.output());
        double ceiling = 0;
        while (rate.find()) {
            ceiling = Double.parseDouble(rate.group(1));
        }
        report.detail("rankings: redis-benchmark ZREVRANGE " + key + " 0 9 WITHSCORES: " + Fmt.rate(ceiling) + "/s");
        return ceiling;
    }

    /** Waits (at most a minute) until the query side answers rankings from Redis again, caught up. */
    private void awaitRedisAnswers() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            Answer status = shop.query("/api/admin/rankings", BenchTokens.admin());
            if (status.status() == 200 && status.body().path("source").asText().equals("redis")) {
                return;
            }
            ClosedLoop.pause(Duration.ofMillis(200));
        }
        report.detail("rankings: Redis did not catch up within a minute after the orders stopped");
    }

    /** The share of today's rankings (each period and figure) on which Redis and PostgreSQL give the same items. */
    private double accuracy() {
        int checked = 0;
        int equal = 0;
        for (String period : List.of("daily", "weekly", "monthly")) {
            for (String by : List.of("quantity", "revenue")) {
                String path = "/api/rankings/products?period=" + period + "&by=" + by + "&limit=100";
                Optional<JsonNode> redis = answer(path + "&source=redis");
                Optional<JsonNode> database = answer(path + "&source=database");
                checked++;
                if (redis.isPresent() && database.isPresent() && redis.get().equals(database.get())) {
                    equal++;
                } else {
                    report.detail("rankings: " + period + " by " + by + " differs: redis " + redis.orElse(null)
                                          + " database " + database.orElse(null));
                }
            }
        }
        return (double) equal / checked;
    }

    private Optional<JsonNode> answer(String path) {
        Answer answer = shop.query(path, BenchTokens.analyst());
        return answer.status() == 200 ? Optional.of(answer.body().path("items")) : Optional.empty();
    }
}
