package dev.jangteo.benchmarks.measure;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Response times in an HdrHistogram (microsecond resolution, 3 significant digits), safe to
 * record from many threads.
 */
public final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(3);

    public void record(long nanos) {
        histogram.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    /** Adds every value of {@code other} (e.g. one race round into the aggregate). */
    public void add(Latencies other) {
        histogram.add(other.histogram);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double percentileMillis(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    public double meanMillis() {
        return count() == 0 ? Double.NaN : histogram.getMean() / 1000.0;
    }

    /** p50, p90, p99, max and mean in milliseconds, for the JSON report. */
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("count", count());
        figures.put("p50Ms", Fmt.round(percentileMillis(50)));
        figures.put("p90Ms", Fmt.round(percentileMillis(90)));
        figures.put("p99Ms", Fmt.round(percentileMillis(99)));
        figures.put("maxMs", Fmt.round(maxMillis()));
        figures.put("meanMs", Fmt.round(meanMillis()));
        return figures;
    }

    /** "p50=1.23ms p90=... p99=... max=..." */
    public String describe() {
        return "p50=" + Fmt.millis(percentileMillis(50))
                + " p90=" + Fmt.millis(percentileMillis(90))
                + " p99=" + Fmt.millis(percentileMillis(99))
                + " max=" + Fmt.millis(maxMillis());
    }
}
