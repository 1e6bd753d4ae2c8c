package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.http.ApiClient;
import dev.jangteo.benchmarks.http.ClientPool;
import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.measure.Sample;
import dev.jangteo.benchmarks.report.Report;
import dev.jangteo.benchmarks.report.ScenarioResult;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (c) Ramping clients like k6's ramping-vus: 0→20 over the first quarter, 20→50 over the next
 * half, 50→0 over the last quarter, each client looping issue requests for fresh users on a
 * coupon too big to run out.
 */
public final class RampScenario implements Scenario {

    static final long HUGE_QUANTITY = 1_000_000;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    /** Move linearly from the previous stage's target to {@code target} over {@code nanos}. */
    private record Stage(long nanos, int target) {
    }

    private final ApiClient api;
    /**
     * New users (and tokens) signed before the ramp per second of it: more than it has claimed on our machines, so
     * the runner signs none while it measures ({@code signed-during-load} says if it did).
     */
    static final int PREPARED_USERS_PER_SECOND = 3_000;
    private final Report report;
    private final Duration length;
    private final Duration settle;
    private final List<Stage> stages;

    public RampScenario(ApiClient api, Report report, Duration length, Duration settle) {
        this.api = api;
        this.report = report;
        this.length = length;
        this.settle = settle;
        long total = length.toNanos();
        this.stages = List.of(new Stage(total / 4, 20), new Stage(total / 2, 50),
                new Stage(total - total / 4 - total / 2, 0));
    }

    @Override
    public String name() {
        return "ramp";
    }

    @Override
    public String description() {
        return "ramp: clients 0→20→50→0 over " + length.toSeconds() + "s on one coupon of " + HUGE_QUANTITY;
    }

    @Override
    public ScenarioResult run() {
        String couponId = api.defineCoupon("bench ramp", HUGE_QUANTITY);
        int peak = stages.stream().mapToInt(Stage::target).max().orElse(0);
        Sample sample = new Sample();
        ClientPool users = ClientPool.prepare(ClientPool.sizeFor(length, PREPARED_USERS_PER_SECOND));
        long start = System.nanoTime();
        long created;
        try (ClosedLoop loop = new ClosedLoop(api, couponId, sample, users)) {
            loop.start(peak, () -> clientsAt(System.nanoTime() - start));
            long end = start + length.toNanos();
            while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                long remaining = Math.max(0, end - System.nanoTime());
                ClosedLoop.pause(Duration.ofNanos(Math.min(PROGRESS_EVERY.toNanos(), remaining)));
                long elapsed = System.nanoTime() - start;
                report.detail("t=" + Fmt.seconds(elapsed) + " clients=" + clientsAt(elapsed)
                        + " requests so far=" + sample.outcomes().total());
            }
            loop.close();
            created = loop.created();
        }
        long wallNanos = System.nanoTime() - start;
        QuerySide.Settled query = QuerySide.await(api, couponId, created, settle);

        long requests = sample.outcomes().total();
        double rps = Fmt.perSecond(requests, wallNanos);
        long errors = sample.outcomes().notCreated();
        Map<String, Object> figures = new LinkedHashMap<>(sample.figures());
        figures.put("couponId", couponId);
        figures.put("seconds", Fmt.round(wallNanos / 1e9));
        figures.put("peakClients", peak);
        figures.put("requestsPerSecond", Fmt.round(rps));
        figures.put("errors", errors);
        figures.put("usersSignedDuringLoad", users.signedLate());
        figures.putAll(query.figures());
        String summary = "peak=" + peak + " clients requests=" + requests + " rps=" + Fmt.rate(rps)
                + " p50=" + Fmt.millis(sample.latencies().percentileMillis(50))
                + " p99=" + Fmt.millis(sample.latencies().percentileMillis(99))
                + " max=" + Fmt.millis(sample.latencies().maxMillis())
                + " errors=" + errors + (errors == 0 ? "" : " (" + sample.outcomes().describe() + ")")
                + " signed-during-load=" + users.signedLate() + " " + query.describe();
        return ScenarioResult.checked(name(), errors == 0, summary, figures);
    }

    /** The number of clients that should be active {@code elapsedNanos} after the start. */
    int clientsAt(long elapsedNanos) {
        long stageStart = 0;
        int from = 0;
        for (Stage stage : stages) {
            if (elapsedNanos < stageStart + stage.nanos()) {
                double progress = (double) (elapsedNanos - stageStart) / stage.nanos();
                return (int) Math.round(from + (stage.target() - from) * progress);
            }
            stageStart += stage.nanos();
            from = stage.target();
        }
        return 0;
    }
}
