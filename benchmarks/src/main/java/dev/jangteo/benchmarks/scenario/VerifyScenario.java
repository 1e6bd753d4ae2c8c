package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.report.Report;
import dev.jangteo.benchmarks.report.ScenarioResult;
import dev.jangteo.benchmarks.verify.VerifyBench;

import java.util.stream.Collectors;

/**
 * Tamper evidence at size: the sealing rate of the query side's sealer and the rate of {@code GET /api/audit/verify}
 * over {@code --events} events, next to the raw JDBC read of the same table (the ceiling). Checks that the whole
 * range verifies.
 */
public final class VerifyScenario implements Scenario {

    private final VerifyBench bench;
    private final Report report;

    public VerifyScenario(VerifyBench bench, Report report) {
        this.bench = bench;
        this.report = report;
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String description() {
        return "verify: " + bench.describe();
    }

    @Override
    public ScenarioResult run() {
        VerifyBench.Outcome outcome = bench.run(report::detail);
        double bestVerify = outcome.verifyPerSecond().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String summary = "events=" + outcome.events()
                + " seal events/s=" + Fmt.rate(outcome.sealPerSecond())
                + " verify events/s=" + outcome.verifyPerSecond().stream().map(Fmt::rate)
                                               .collect(Collectors.joining(", "))
                + " (ceiling raw read events/s=" + Fmt.rate(outcome.ceilingPerSecond())
                + ", best verify ÷ ceiling=" + Fmt.ratio(bestVerify / outcome.ceilingPerSecond()) + ")"
                + (outcome.verified() ? "" : " NOT VERIFIED");
        return ScenarioResult.checked(name(), outcome.verified(), summary, outcome.figures());
    }
}
