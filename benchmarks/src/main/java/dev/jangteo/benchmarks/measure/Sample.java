package dev.jangteo.benchmarks.measure;

import dev.jangteo.benchmarks.http.IssueResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The requests of one measured stretch: their outcomes, and the latencies of those that got an
 * HTTP answer (201 and refusals alike; timeouts and I/O errors are counted, not timed).
 */
public final class Sample {

    private final Latencies latencies = new Latencies();
    private final Outcomes outcomes = new Outcomes();

    public void record(IssueResult result) {
        outcomes.record(result);
        if (result.answered()) {
            latencies.record(result.nanos());
        }
    }

    public void add(Sample other) {
        latencies.add(other.latencies);
        outcomes.add(other.outcomes);
    }

    public Latencies latencies() {
        return latencies;
    }

    public Outcomes outcomes() {
        return outcomes;
    }

    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", outcomes.total());
        figures.put("latency", latencies.figures());
        figures.put("outcomes", outcomes.asMap());
        return figures;
    }
}
