package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.BenchTokens;
import dev.jangteo.benchmarks.http.ClientPool;
import dev.jangteo.benchmarks.http.ShopClient;
import dev.jangteo.benchmarks.measure.CpuTimes;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.measure.Latencies;
import dev.jangteo.benchmarks.report.ScenarioResult;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the HTTP edge costs on its own: {@code GET /api/products/{id}} of one product (a primary-key read) with one
 * bearer token, {@code clients} at a time, {@code requests} after as many again of warm-up; prints requests/s,
 * p50/p99 and the query side's CPU per request (its JVM's process CPU time around the measured requests, from
 * {@code /actuator/prometheus}). Security, Spring MVC, Tomcat, metrics and one JPA read per request: the part of
 * every read, and of most of an order's CPU on the query side (docs/benchmarks.md, "Where an order's CPU goes").
 * Then the same for {@code GET /api/orders/{id}} of one PAID order of its buyer, the read an order's long poll
 * repeats.
 */
public final class EdgeScenario implements Scenario {

    private final ShopClient shop;
    private final int clients;
    private final int requests;

    public EdgeScenario(ShopClient shop, int clients, int requests) {
        this.shop = shop;
        this.clients = clients;
        this.requests = requests;
    }

    @Override
    public String name() {
        return "edge";
    }

    @Override
    public String description() {
        return "edge: GET /api/products/{id}, then GET /api/orders/{id} of a PAID order, with one token, " + clients
                + " clients, " + requests + " requests each after as many of warm-up";
    }

    @Override
    public ScenarioResult run() {
        String product = shop.registerProduct("Edge bench", "bench", 1_000, 10, BenchTokens.admin());
        Measured products = measure("/api/products/" + product, BenchTokens.client("bench-edge-reader"));
        String buyer = shop.fundedBuyer("bench-edge-", 10_000);
        OrderFlow.Outcome order = new OrderFlow(shop).place(
                new ClientPool.Client(buyer, BenchTokens.client(buyer)),
                Map.of("userId", buyer, "items", List.of(Map.of("productId", product, "quantity", 1))));
        if (!order.is("PAID")) {
            return ScenarioResult.checked(name(), false, "the order to read was not paid: " + order.status(),
                                          Map.of("product", products.figures()));
        }
        Measured orders = measure("/api/orders/" + order.orderId(), BenchTokens.client(buyer));

        Map<String, Object> figures = new LinkedHashMap<>(products.figures());
        figures.put("order", orders.figures());
        String summary = "product " + products.summary() + "; order " + orders.summary();
        return ScenarioResult.checked(name(), products.failed() == 0 && orders.failed() == 0, summary, figures);
    }

    private record Measured(int requests, int clients, double requestsPerSecond, Latencies latencies,
                            double cpuMillisPerRequest, int failed) {

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("requests", requests);
            figures.put("clients", clients);
            figures.put("requestsPerSecond", Fmt.round(requestsPerSecond));
            figures.put("p50Millis", Fmt.round(latencies.percentileMillis(50)));
            figures.put("p99Millis", Fmt.round(latencies.percentileMillis(99)));
            figures.put("querySideCpuMillisPerRequest", Fmt.round(cpuMillisPerRequest));
            figures.put("failed", failed);
            return figures;
        }

        String summary() {
            return "requests=" + requests + " clients=" + clients + " rps=" + Fmt.rate(requestsPerSecond)
                    + " p50=" + Fmt.millis(latencies.percentileMillis(50))
                    + " p99=" + Fmt.millis(latencies.percentileMillis(99))
                    + " query-side CPU per request=" + Fmt.millis(cpuMillisPerRequest) + " failed=" + failed;
        }
    }

    /** Warms up with {@code requests} GETs of {@code path}, then measures as many. */
    private Measured measure(String path, String token) {
        read(path, token, requests, new Latencies());
        Latencies latencies = new Latencies();
        double before = querySideCpu();
        long start = System.nanoTime();
        int failed = read(path, token, requests, latencies);
        long nanos = System.nanoTime() - start;
        double cpuMillisPerRequest = 1000 * (querySideCpu() - before) / requests;
        return new Measured(requests, clients, Fmt.perSecond(requests, nanos), latencies, cpuMillisPerRequest,
                            failed);
    }

    /** {@code count} GETs, {@code clients} at a time; answers how many were not 200. */
    private int read(String path, String token, int count, Latencies latencies) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> answer = shop.raw(path, token);
                            if (answer.statusCode() != 200) {
                                failed.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        latencies.record(System.nanoTime() - sent);
                    }
                });
            }
        }
        return failed.get();
    }

    private double querySideCpu() {
        return CpuTimes.processSeconds(shop.text("/actuator/prometheus"));
    }
}
