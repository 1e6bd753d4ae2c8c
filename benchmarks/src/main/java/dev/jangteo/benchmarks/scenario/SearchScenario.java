package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.measure.Fmt;
import dev.jangteo.benchmarks.measure.Latencies;
import dev.jangteo.benchmarks.report.Report;
import dev.jangteo.benchmarks.report.ScenarioResult;
import dev.jangteo.benchmarks.search.SearchBench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Message search at size: {@code --messages} generated Korean and English messages appended straight to the event
 * store, indexed live, then indexed again by a replay of the {@code message-search} processor into a new index
 * (docs/s until the alias switches), then searched by 1 and 50 concurrent clients (p50/p95/p99). Bulk indexing the
 * same documents straight into Elasticsearch is measured in the same run as the ceiling to compare the replay with.
 */
public final class SearchScenario implements Scenario {

    private final SearchBench bench;
    private final Report report;

    public SearchScenario(SearchBench bench, Report report) {
        this.bench = bench;
        this.report = report;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String description() {
        return "search: " + bench.describe();
    }

    @Override
    public ScenarioResult run() {
        SearchBench.Outcome outcome = bench.run(report::detail);
        Map<String, Object> figures = new LinkedHashMap<>(outcome.figures());
        StringBuilder summary = new StringBuilder()
                .append("messages=").append(outcome.messages())
                .append(" load/s=").append(Fmt.rate(outcome.loadPerSecond()))
                .append(" replay docs/s=").append(Fmt.rate(outcome.replayDocsPerSecond()))
                .append(" (ceiling bulk docs/s=").append(Fmt.rate(outcome.ceilingDocsPerSecond())).append(')');
        outcome.latencies().forEach((clients, latencies) -> {
            summary.append(" | ").append(clients).append(clients == 1 ? " client" : " clients")
                   .append(" p50=").append(Fmt.millis(latencies.percentileMillis(50)))
                   .append(" p95=").append(Fmt.millis(latencies.percentileMillis(95)))
                   .append(" p99=").append(Fmt.millis(latencies.percentileMillis(99)));
            figures.put("clients" + clients, latencyFigures(latencies));
        });
        summary.append(" errors=").append(outcome.errors());
        if (!outcome.indexMatches()) {
            summary.append(" index count after replay differs: ").append(outcome.replayDocs()).append(" vs ")
                   .append(outcome.expectedDocs());
        }
        return ScenarioResult.checked(name(), outcome.errors() == 0 && outcome.indexMatches(), summary.toString(),
                                      figures);
    }

    private static Map<String, Object> latencyFigures(Latencies latencies) {
        Map<String, Object> figures = new LinkedHashMap<>(latencies.figures());
        figures.put("p95Ms", Fmt.round(latencies.percentileMillis(95)));
        return figures;
    }
}
