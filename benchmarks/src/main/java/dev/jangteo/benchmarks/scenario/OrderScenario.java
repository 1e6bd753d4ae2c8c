package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.BenchTokens;
import dev.jangteo.benchmarks.http.ClientPool;
import dev.jangteo.benchmarks.http.ShopClient;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.measure.Latencies;
import dev.jangteo.benchmarks.report.Report;
import dev.jangteo.benchmarks.report.ScenarioResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Orders end to end: each client places an order ({@code POST /api/orders}, 202) and asks
 * {@code GET /api/orders/{id}?wait=N}, which answers as soon as the query side shows the order settled (a long
 * poll, so the clients add no polling load); that whole time is one latency sample, and
 * orders/s counts orders seen PAID in the measured window. The seed's load: one user with a large balance ordering
 * thousands of times (so one hot wallet), spread over a few products. Run at each client count in turn.
 */
public final class OrderScenario implements Scenario {

    private static final long PRICE = 1_000;
    private static final int PRODUCTS = 4;
    private static final long DEPOSIT = 10_000_000_000L;
    private static final double TARGET_P95_MS = 150;
    private static final double TARGET_ORDERS_PER_SECOND = 500;

    private final ShopClient shop;
    private final OrderFlow flow;
    private final Report report;
    private final List<Integer> clientCounts;
    private final Duration warmup;
    private final Duration length;

    public OrderScenario(ShopClient shop, Report report, List<Integer> clientCounts, Duration warmup,
                         Duration length) {
        this.shop = shop;
        this.flow = new OrderFlow(shop);
        this.report = report;
        this.clientCounts = clientCounts;
        this.warmup = warmup;
        this.length = length;
    }

    /** One client count's window: latencies of orders seen PAID, and what went otherwise. */
    private record Phase(int clients, Latencies latencies, long paid, long rejected, long errors, long nanos) {

        double ordersPerSecond() {
            return Fmt.perSecond(paid, nanos);
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>(latencies.figures());
            figures.put("clients", clients);
            figures.put("p95Ms", Fmt.round(latencies.percentileMillis(95)));
            figures.put("ordersPerSecond", Fmt.round(ordersPerSecond()));
            figures.put("paid", paid);
            figures.put("rejected", rejected);
            figures.put("errors", errors);
            return figures;
        }

        String describe() {
            return "clients=" + clients + " orders/s=" + Fmt.rate(ordersPerSecond())
                    + " p50=" + Fmt.millis(latencies.percentileMillis(50))
                    + " p95=" + Fmt.millis(latencies.percentileMillis(95))
                    + " p99=" + Fmt.millis(latencies.percentileMillis(99))
                    + " rejected=" + rejected + " errors=" + errors;
        }
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public String description() {
        return "orders: place → PAID visible on the query side, one user, " + PRODUCTS + " products, clients "
                + clientCounts + ", " + warmup.toSeconds() + "s warm-up + " + length.toSeconds() + "s each";
    }

    @Override
    public ScenarioResult run() {
        String userId = shop.fundedBuyer("bench-", DEPOSIT);
        List<String> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(shop.registerProduct("Bench product " + i, "bench", PRICE, 1_000_000_000,
                                              BenchTokens.admin()));
        }
        List<Phase> phases = new ArrayList<>();
        for (int clients : clientCounts) {
            Phase phase = phase(clients, userId, products);
            phases.add(phase);
            report.detail("orders " + phase.describe());
        }
        Phase busiest = phases.getLast();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("userId", userId);
        figures.put("phases", phases.stream().map(Phase::figures).toList());
        figures.put("ordersPerSecond", Fmt.round(busiest.ordersPerSecond()));
        figures.put("p95Ms", Fmt.round(busiest.latencies().percentileMillis(95)));
        StringBuilder summary = new StringBuilder();
        phases.forEach(phase -> summary.append(phase.describe()).append("; "));
        pgbenchRatio(busiest).ifPresent(ratio -> {
            figures.put("ratioToPgbench16", Fmt.round(ratio));
            summary.append("orders/s ÷ pgbench 16-client tps = ").append(Fmt.ratio(ratio)).append("; ");
        });
        boolean ok = busiest.errors() == 0 && busiest.rejected() == 0
                && busiest.latencies().percentileMillis(95) < TARGET_P95_MS
                && busiest.ordersPerSecond() >= TARGET_ORDERS_PER_SECOND;
        summary.append("targets at ").append(busiest.clients()).append(" clients: p95 < ")
               .append((int) TARGET_P95_MS).append(" ms and >= ").append((int) TARGET_ORDERS_PER_SECOND)
               .append(" orders/s");
        return ScenarioResult.checked(name(), ok, summary.toString(), figures);
    }

    private Optional<Double> pgbenchRatio(Phase busiest) {
        return report.result("pgbench")
                     .map(pgbench -> pgbench.number("tps16Clients"))
                     .filter(tps -> !Double.isNaN(tps) && tps > 0)
                     .map(tps -> busiest.ordersPerSecond() / tps);
    }

    private Phase phase(int clients, String userId, List<String> products) {
        AtomicReference<Latencies> sink = new AtomicReference<>(new Latencies());
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stopped = new AtomicBoolean();
        LongAdder paid = new LongAdder();
        LongAdder rejected = new LongAdder();
        LongAdder errors = new LongAdder();
        long start;
        long end;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                int client = i;
                threads.execute(() -> {
                    int sequence = 0;
                    while (!stopped.get()) {
                        String productId = products.get((client + sequence++) % products.size());
                        long began = System.nanoTime();
                        String outcome = orderAndWait(userId, productId);
                        long took = System.nanoTime() - began;
                        if (!measuring.get() || stopped.get()) {
                            continue;
                        }
                        switch (outcome) {
                            case "PAID" -> {
                                paid.increment();
                                sink.get().record(took);
                            }
                            case "REJECTED" -> rejected.increment();
                            default -> errors.increment();
                        }
                    }
                });
            }
            ClosedLoop.pause(warmup);
            measuring.set(true);
            start = System.nanoTime();
            ClosedLoop.pause(length);
            stopped.set(true);
            end = System.nanoTime();
        }
        return new Phase(clients, sink.get(), paid.sum(), rejected.sum(), errors.sum(), end - start);
    }

    /** PAID, REJECTED, or an error label. */
    private String orderAndWait(String userId, String productId) {
        return flow.place(new ClientPool.Client(userId, BenchTokens.client(userId)), Map.of(
                "userId", userId, "items", List.of(Map.of("productId", productId, "quantity", 1)))).status();
    }
}
