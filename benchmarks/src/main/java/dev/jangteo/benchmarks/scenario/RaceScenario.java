package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.ApiClient;
import dev.jangteo.benchmarks.http.IssueResult;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.measure.Sample;
import dev.jangteo.benchmarks.report.Report;
import dev.jangteo.benchmarks.report.ScenarioResult;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * (a) The first-come-first-served race: per round a fresh coupon of {@code quantity}, and
 * {@code clients} virtual threads, each with its own user, released at once by a latch. Checks
 * that exactly min(clients, quantity) were issued with places 1..N once each, and that the query
 * side comes to the same count. Warm-up rounds are checked too but left out of the aggregate.
 */
public final class RaceScenario implements Scenario {

    private final ApiClient api;
    private final Report report;
    private final int rounds;
    private final int warmupRounds;
    private final int clients;
    private final int quantity;
    private final Duration settle;

    public RaceScenario(ApiClient api, Report report, int rounds, int warmupRounds, int clients, int quantity,
                        Duration settle) {
        this.api = api;
        this.report = report;
        this.rounds = rounds;
        this.warmupRounds = warmupRounds;
        this.clients = clients;
        this.quantity = quantity;
        this.settle = settle;
    }

    @Override
    public String name() {
        return "race";
    }

    @Override
    public String description() {
        return "race: " + clients + " clients at once on a " + quantity + "-coupon, "
                + rounds + " rounds (+" + warmupRounds + " warm-up)";
    }

    @Override
    public ScenarioResult run() {
        Sample aggregate = new Sample();
        long measuredNanos = 0;
        int okRounds = 0;
        boolean warmupOk = true;
        List<Long> issuedPerRound = new ArrayList<>();
        List<Map<String, Object>> roundFigures = new ArrayList<>();
        for (int round = 1; round <= warmupRounds + rounds; round++) {
            boolean warmup = round <= warmupRounds;
            String label = warmup ? "warm-up " + round : "round " + (round - warmupRounds);
            Round result = runRound(label);
            report.detail(result.line());
            if (warmup) {
                warmupOk &= result.ok();
                continue;
            }
            aggregate.add(result.sample());
            measuredNanos += result.wallNanos();
            okRounds += result.ok() ? 1 : 0;
            issuedPerRound.add(result.check().issued());
            roundFigures.add(result.figures());
        }
        long requests = aggregate.outcomes().total();
        long expected = Math.min(clients, quantity);
        double rps = Fmt.perSecond(requests, measuredNanos);
        Map<String, Object> figures = new LinkedHashMap<>(aggregate.figures());
        figures.put("rounds", rounds);
        figures.put("warmupRounds", warmupRounds);
        figures.put("clients", clients);
        figures.put("quantity", quantity);
        figures.put("issuedPerRound", issuedPerRound);
        figures.put("requestsPerSecond", Fmt.round(rps));
        figures.put("roundsOk", okRounds);
        figures.put("perRound", roundFigures);
        String summary = "requests=" + requests + " rps=" + Fmt.rate(rps) + " "
                + aggregate.latencies().describe() + " " + aggregate.outcomes().describe()
                + " " + issuedSummary(issuedPerRound, expected)
                + " checks held in " + okRounds + "/" + rounds
                + " rounds" + (warmupOk ? "" : ", warm-up FAILED");
        return ScenarioResult.checked(name(), warmupOk && okRounds == rounds, summary, figures);
    }

    /** "issued=50/50 every round", or the per-round counts when they differ from what was expected. */
    private static String issuedSummary(List<Long> issuedPerRound, long expected) {
        boolean exact = issuedPerRound.stream().allMatch(issued -> issued == expected);
        return exact ? "issued=" + expected + "/" + expected + " every round"
                : "issued per round=" + issuedPerRound + " expected " + expected;
    }

    private Round runRound(String label) {
        String couponId = api.defineCoupon("bench race " + label, quantity);
        List<HttpRequest> requests = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            requests.add(api.issueRequest(couponId, UUID.randomUUID().toString()));
        }
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
        List<Future<IssueResult>> futures = new ArrayList<>(clients);
        long start;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (HttpRequest request : requests) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    IssueResult result = api.send(request);
                    lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    return result;
                }));
            }
            awaitQuietly(ready);
            start = System.nanoTime();
            go.countDown();
        }
        long wallNanos = Math.max(0, lastEnd.get() - start);
        List<IssueResult> results = futures.stream()
                .map(future -> future.state() == Future.State.SUCCESS
                        ? future.resultNow() : IssueResult.failed("interrupted", 0))
                .toList();
        Sample sample = new Sample();
        results.forEach(sample::record);
        IssueCheck check = IssueCheck.of(results, Math.min(clients, quantity), quantity);
        QuerySide.Settled query = QuerySide.await(api, couponId, check.issued(), settle);
        return new Round(label, couponId, sample, wallNanos, check, query);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Round(String label, String couponId, Sample sample, long wallNanos, IssueCheck check,
                         QuerySide.Settled query) {

        boolean ok() {
            return check.ok() && query.matched();
        }

        String line() {
            double rps = Fmt.perSecond(sample.outcomes().total(), wallNanos);
            return String.format("%-10s requests=%d rps=%s %s %s %s %s %s", label, sample.outcomes().total(),
                    Fmt.rate(rps), sample.latencies().describe(), sample.outcomes().describe(),
                    check.describe(), query.describe(), ok() ? "ok" : "FAIL");
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>(sample.figures());
            figures.put("couponId", couponId);
            figures.put("wallMs", Fmt.round(wallNanos / 1e6));
            figures.put("requestsPerSecond", Fmt.round(Fmt.perSecond(sample.outcomes().total(), wallNanos)));
            figures.put("issued", check.issued());
            figures.put("expected", check.expected());
            figures.put("sequencesOk", check.sequencesOk());
            figures.putAll(query.figures());
            figures.put("ok", ok());
            return figures;
        }
    }
}
