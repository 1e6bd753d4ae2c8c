package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.replay.ReplayBench;
import dev.jangteo.benchmarks.report.Report;
import dev.jangteo.benchmarks.report.ScenarioResult;

/**
 * Replay rates per processing group and for all together over {@code --events} generated events, and the rate of
 * verified replays ({@link ReplayBench}). Fails when a verified replay finds a difference or an event dead-letters.
 */
public final class ReplayScenario implements Scenario {

    private final ReplayBench bench;
    private final Report report;

    public ReplayScenario(ReplayBench bench, Report report) {
        this.bench = bench;
        this.report = report;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String description() {
        return "replay: " + bench.describe();
    }

    @Override
    public ScenarioResult run() {
        ReplayBench.Outcome outcome = bench.run(report::detail);
        StringBuilder summary = new StringBuilder("events=").append(outcome.events());
        outcome.rates().forEach((what, rate) -> summary.append(" | ").append(what).append(' ')
                                                       .append(Fmt.rate(rate)).append("/s"));
        summary.append(" | verified equal=").append(outcome.equal()).append(" dead letters=")
               .append(outcome.deadLetters());
        return ScenarioResult.checked(name(), outcome.equal() && outcome.deadLetters() == 0, summary.toString(),
                                      outcome.figures());
    }
}
