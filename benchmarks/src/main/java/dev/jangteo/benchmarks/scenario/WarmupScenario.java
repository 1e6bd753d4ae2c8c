package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.ApiClient;
import dev.jangteo.benchmarks.http.ClientPool;
import dev.jangteo.benchmarks.measure.Sample;
import dev.jangteo.benchmarks.report.ScenarioResult;

import java.time.Duration;
import java.util.Map;

/**
 * Unmeasured closed-loop load on a throw-away coupon before the measured scenarios. Freshly started apps run
 * interpreted and C1 code for tens of seconds; without this, the first scenario measures the JIT compiler, not the
 * system (on our 2-core machines a cold race showed several times the warm p99).
 */
public final class WarmupScenario implements Scenario {

    private final ApiClient api;
    private final int clients;
    private final Duration length;

    public WarmupScenario(ApiClient api, int clients, Duration length) {
        this.api = api;
        this.clients = clients;
        this.length = length;
    }

    @Override
    public String name() {
        return "warmup";
    }

    @Override
    public String description() {
        return "warmup: " + clients + " clients on a throw-away coupon for " + length.toSeconds() + "s (not measured)";
    }

    @Override
    public ScenarioResult run() {
        String couponId = api.defineCoupon("bench warm-up", RampScenario.HUGE_QUANTITY);
        Sample sample = new Sample();
        try (ClosedLoop loop = new ClosedLoop(api, couponId, sample, ClientPool.prepare(0))) {
            loop.start(clients, () -> clients);
            ClosedLoop.pause(length);
        }
        long requests = sample.outcomes().total();
        return ScenarioResult.info(name(), "requests=" + requests + " in " + length.toSeconds() + "s (not measured)",
                                   Map.of("requests", requests));
    }
}
