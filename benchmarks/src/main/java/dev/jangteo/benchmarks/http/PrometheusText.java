package dev.jangteo.benchmarks.http;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads figures out of a Prometheus text-format scrape. */
public final class PrometheusText {

    private static final String HEAP_METRIC = "jvm_memory_used_bytes";

    private PrometheusText() {
    }

    /** The sum of {@code jvm_memory_used_bytes} over the series labelled {@code area="heap"}. */
    static Optional<Long> heapUsedBytes(String scrape) {
        double sum = sum(scrape, HEAP_METRIC, "area=\"heap\"");
        return Double.isNaN(sum) ? Optional.empty() : Optional.of((long) sum);
    }

    /** The sum of metric {@code name}'s samples over all its series (a counter's total); NaN when absent. */
    public static double sum(String scrape, String name) {
        return sum(scrape, name, "");
    }

    private static double sum(String scrape, String name, String label) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            boolean named = line.startsWith(name + "{") || line.startsWith(name + " ");
            if (!named || !line.contains(label)) {
                continue;
            }
            int labelsEnd = line.lastIndexOf('}');
            String[] rest = line.substring(labelsEnd < 0 ? name.length() : labelsEnd + 1).trim().split("\\s+");
            try {
                sum += Double.parseDouble(rest[0]);
                found = true;
            } catch (NumberFormatException e) {
                // not a sample line; skip it
            }
        }
        return found ? sum : Double.NaN;
    }

    /**
     * The cumulative buckets of histogram {@code name} (for example {@code jangteo_rankings_update_lag_seconds}):
     * upper bound ({@code le}) to count, summed over the series' other labels; empty when absent.
     */
    public static TreeMap<Double, Double> buckets(String scrape, String name) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        String prefix = name + "_bucket{";
        for (String line : scrape.split("\n")) {
            int le = line.indexOf("le=\"");
            if (!line.startsWith(prefix) || le < 0) {
                continue;
            }
            String bound = line.substring(le + 4, line.indexOf('"', le + 4));
            String[] rest = line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+");
            try {
                double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
                buckets.merge(upper, Double.parseDouble(rest[0]), Double::sum);
            } catch (NumberFormatException e) {
                // not a sample line; skip it
            }
        }
        return buckets;
    }

    /**
     * The upper bound of the bucket holding quantile {@code q} of what was recorded between two scrapes of the
     * same histogram ({@link #buckets}); NaN when nothing was.
     */
    public static double quantileBetween(Map<Double, Double> before, TreeMap<Double, Double> after, double q) {
        double total = after.lastEntry() == null ? 0
                : after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= q * total) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
