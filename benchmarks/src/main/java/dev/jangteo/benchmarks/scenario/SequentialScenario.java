package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.ApiClient;
import dev.jangteo.benchmarks.http.IssueResult;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.measure.Sample;
import dev.jangteo.benchmarks.report.ScenarioResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** (b) One client issuing a whole coupon, one request after another, each for a new user. */
public final class SequentialScenario implements Scenario {

    private final ApiClient api;
    private final int requests;
    private final Duration settle;

    public SequentialScenario(ApiClient api, int requests, Duration settle) {
        this.api = api;
        this.requests = requests;
        this.settle = settle;
    }

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public String description() {
        return "sequential: 1 client issuing " + requests + " in a row on a " + requests + "-coupon";
    }

    @Override
    public ScenarioResult run() {
        String couponId = api.defineCoupon("bench sequential", requests);
        List<IssueResult> results = new ArrayList<>(requests);
        Sample sample = new Sample();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            IssueResult result = api.issue(couponId, UUID.randomUUID().toString());
            results.add(result);
            sample.record(result);
        }
        long wallNanos = System.nanoTime() - start;
        IssueCheck check = IssueCheck.of(results, requests, requests);
        QuerySide.Settled query = QuerySide.await(api, couponId, check.issued(), settle);
        double rps = Fmt.perSecond(requests, wallNanos);

        Map<String, Object> figures = new LinkedHashMap<>(sample.figures());
        figures.put("couponId", couponId);
        figures.put("requestsPerSecond", Fmt.round(rps));
        figures.put("issued", check.issued());
        figures.put("sequencesOk", check.sequencesOk());
        figures.putAll(query.figures());
        String summary = "requests=" + requests + " rps=" + Fmt.rate(rps)
                + " p50=" + Fmt.millis(sample.latencies().percentileMillis(50))
                + " p99=" + Fmt.millis(sample.latencies().percentileMillis(99))
                + " max=" + Fmt.millis(sample.latencies().maxMillis())
                + " " + sample.outcomes().describe() + " " + check.describe() + " " + query.describe();
        return ScenarioResult.checked(name(), check.ok() && query.matched(), summary, figures);
    }
}
