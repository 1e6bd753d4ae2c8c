package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.ApiClient;
import dev.jangteo.benchmarks.http.ShopClient;
import dev.jangteo.benchmarks.measure.CpuTimes;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.measure.Zipf;
import dev.jangteo.benchmarks.report.Report;
import dev.jangteo.benchmarks.report.ScenarioResult;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A shop at work, for what an order costs: {@code clients} buyers in a closed loop ({@link ShopBuyers}) over
 * {@code users} funded wallets and a catalog of {@code products} with Zipf popularity, coupons and cancellations,
 * while {@code readers} analysts read rankings. Setup ({@link ShopSetup}) is not measured. The window gives orders/s,
 * place → PAID visible (as the orders scenario), the CPU seconds each PAID order cost the machine and each app, and
 * the readers' rate and p99, beside pgbench's insert rate of the same run.
 */
public final class ShopScenario implements Scenario {

    /** The shop's size and load; {@code zipfExponent} 1.0 gives the top product 13% of the orders of 1,000. */
    public record Settings(int users, int products, double zipfExponent, int clients, int readers,
                           Duration warmup, Duration length) {
    }

    private final ShopClient shop;
    private final ApiClient api;
    private final OrderFlow flow;
    private final Report report;
    private final Settings settings;

    public ShopScenario(ShopClient shop, ApiClient api, Report report, Settings settings) {
        this.shop = shop;
        this.api = api;
        this.flow = new OrderFlow(shop);
        this.report = report;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "shop";
    }

    @Override
    public String description() {
        return "shop: " + settings.users() + " wallets, " + settings.products() + " products (Zipf s="
                + settings.zipfExponent() + "), a coupon on 1 order in " + ShopBuyers.COUPON_EVERY
                + ", 1 PAID order in " + ShopBuyers.CANCEL_EVERY + " cancelled; " + settings.clients()
                + " clients and " + settings.readers() + " ranking readers, " + settings.warmup().toSeconds()
                + "s warm-up + " + settings.length().toSeconds() + "s";
    }

    @Override
    public ScenarioResult run() {
        ShopSetup.World world = ShopSetup.build(shop, api, settings.users(), settings.products(), report::detail);
        Zipf popularity = new Zipf(world.products().size(), settings.zipfExponent());
        ShopTally tally = new ShopTally();
        try (ShopBuyers buyers = ShopBuyers.start(flow, world, popularity, tally, settings.clients());
             RankingReaders readers = RankingReaders.start(shop, settings.readers())) {
            ClosedLoop.pause(settings.warmup());
            CpuTimes before = cpu();
            buyers.measure();
            readers.measure();
            long start = System.nanoTime();
            ClosedLoop.pause(settings.length());
            buyers.stop();
            readers.stop();
            long nanos = System.nanoTime() - start;
            CpuTimes used = cpu().since(before);
            return result(tally, readers, used, nanos);
        }
    }

    private CpuTimes cpu() {
        return CpuTimes.read(shop.commandText("/actuator/prometheus"), shop.text("/actuator/prometheus"));
    }

    private ScenarioResult result(ShopTally tally, RankingReaders readers, CpuTimes used, long nanos) {
        double ordersPerSecond = Fmt.perSecond(tally.paid(), nanos);
        CpuTimes perOrder = used.per(tally.paid());
        double readsPerSecond = Fmt.perSecond(readers.answered(), nanos);
        double p99 = readers.latencies().percentileMillis(99);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("settings", Map.of("users", settings.users(), "products", settings.products(),
                                       "zipfExponent", settings.zipfExponent(), "clients", settings.clients(),
                                       "readers", settings.readers(), "couponEvery", ShopBuyers.COUPON_EVERY,
                                       "cancelEvery", ShopBuyers.CANCEL_EVERY,
                                       "seconds", settings.length().toSeconds()));
        figures.put("ordersPerSecond", Fmt.round(ordersPerSecond));
        figures.putAll(tally.figures());
        figures.put("cpuSeconds", used.figures());
        figures.put("cpuSecondsPerOrder", perOrder.figures());
        Map<String, Object> rankings = new LinkedHashMap<>(readers.latencies().figures());
        rankings.put("readsPerSecond", Fmt.round(readsPerSecond));
        rankings.put("fromRedis", readers.fromRedis());
        rankings.put("fromDatabase", readers.fromDatabase());
        rankings.put("errors", readers.errors());
        figures.put("rankings", rankings);
        StringBuilder summary = new StringBuilder()
                .append("clients=").append(settings.clients())
                .append(" orders/s=").append(Fmt.rate(ordersPerSecond))
                .append(" place→PAID p50=").append(Fmt.millis(tally.paidLatencies().percentileMillis(50)))
                .append(" p95=").append(Fmt.millis(tally.paidLatencies().percentileMillis(95)))
                .append(" p99=").append(Fmt.millis(tally.paidLatencies().percentileMillis(99)))
                .append("; CPU per order ").append(perOrder.describeMillis())
                .append("; ").append(tally.describe())
                .append("; rankings readers=").append(settings.readers())
                .append(" reads/s=").append(Fmt.rate(readsPerSecond))
                .append(" p99=").append(Fmt.millis(p99))
                .append(" errors=").append(readers.errors());
        pgbench().ifPresent(tps -> {
            figures.put("pgbenchTps1Client", Fmt.round(tps.oneClient()));
            figures.put("pgbenchTps16Clients", Fmt.round(tps.sixteenClients()));
            figures.put("ratioToPgbench16", Fmt.round(ordersPerSecond / tps.sixteenClients()));
            summary.append("; pgbench one-row INSERT tps(1)=").append(Fmt.rate(tps.oneClient()))
                   .append(" tps(16)=").append(Fmt.rate(tps.sixteenClients()))
                   .append(", orders/s ÷ tps(16) = ").append(Fmt.ratio(ordersPerSecond / tps.sixteenClients()));
        });
        boolean ok = tally.paid() > 0 && tally.errors() == 0 && readers.errors() == 0;
        return ScenarioResult.checked(name(), ok, summary.toString(), figures);
    }

    /** pgbench's one-row INSERT transactions per second in this run (NaN for a client count it did not run). */
    private record PgbenchRates(double oneClient, double sixteenClients) {
    }

    private Optional<PgbenchRates> pgbench() {
        return report.result("pgbench").map(result -> new PgbenchRates(result.number("tps1Clients"),
                                                                       result.number("tps16Clients")));
    }
}
