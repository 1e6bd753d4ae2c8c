package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.ApiClient;
import dev.jangteo.benchmarks.http.ClientPool;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.measure.Sample;
import dev.jangteo.benchmarks.report.ScenarioResult;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fixed number of clients hammering one hot coupon (too big to run out), each request for a new
 * user: after an unmeasured warm-up, the issues per second completed inside the measured window.
 */
public final class SustainedScenario implements Scenario {

    private final ApiClient api;
    private final int clients;
    private final Duration warmup;
    private final Duration length;
    private final Duration settle;

    public SustainedScenario(ApiClient api, int clients, Duration warmup, Duration length, Duration settle) {
        this.api = api;
        this.clients = clients;
        this.warmup = warmup;
        this.length = length;
        this.settle = settle;
    }

    @Override
    public String name() {
        return "sustained";
    }

    @Override
    public String description() {
        return "sustained: " + clients + " clients on one hot coupon for " + length.toSeconds()
                + "s after " + warmup.toSeconds() + "s warm-up";
    }

    @Override
    public ScenarioResult run() {
        String couponId = api.defineCoupon("bench sustained", RampScenario.HUGE_QUANTITY);
        Sample warmupSample = new Sample();
        Sample measured = new Sample();
        Sample drain = new Sample();
        long windowNanos;
        long created;
        ClientPool users = ClientPool.prepare(ClientPool.sizeFor(warmup.plus(length),
                                                                 RampScenario.PREPARED_USERS_PER_SECOND));
        try (ClosedLoop loop = new ClosedLoop(api, couponId, warmupSample, users)) {
            loop.start(clients, () -> clients);
            ClosedLoop.pause(warmup);
            loop.recordInto(measured);
            long start = System.nanoTime();
            ClosedLoop.pause(length);
            loop.recordInto(drain);
            windowNanos = System.nanoTime() - start;
            loop.close();
            created = loop.created();
        }
        QuerySide.Settled query = QuerySide.await(api, couponId, created, settle);

        double issuesPerSecond = Fmt.perSecond(measured.outcomes().created(), windowNanos);
        double rps = Fmt.perSecond(measured.outcomes().total(), windowNanos);
        long errors = measured.outcomes().notCreated();
        Map<String, Object> figures = new LinkedHashMap<>(measured.figures());
        figures.put("couponId", couponId);
        figures.put("clients", clients);
        figures.put("windowSeconds", Fmt.round(windowNanos / 1e9));
        figures.put("issuesPerSecond", Fmt.round(issuesPerSecond));
        figures.put("requestsPerSecond", Fmt.round(rps));
        figures.put("errors", errors);
        figures.put("warmupRequests", warmupSample.outcomes().total());
        figures.put("issuedInAll", created);
        figures.put("usersSignedDuringLoad", users.signedLate());
        figures.putAll(query.figures());
        String summary = "clients=" + clients + " issues/s=" + Fmt.rate(issuesPerSecond)
                + " requests=" + measured.outcomes().total()
                + " p50=" + Fmt.millis(measured.latencies().percentileMillis(50))
                + " p99=" + Fmt.millis(measured.latencies().percentileMillis(99))
                + " max=" + Fmt.millis(measured.latencies().maxMillis())
                + " errors=" + errors + (errors == 0 ? "" : " (" + measured.outcomes().describe() + ")")
                + " signed-during-load=" + users.signedLate() + " " + query.describe();
        return ScenarioResult.checked(name(), errors == 0, summary, figures);
    }
}
