package dev.jangteo.benchmarks.http;

import java.util.Optional;

/** Reads figures out of a Prometheus text-format scrape. */
final class PrometheusText {

    private static final String HEAP_METRIC = "jvm_memory_used_bytes{";

    private PrometheusText() {
    }

    /** The sum of {@code jvm_memory_used_bytes} over the series labelled {@code area="heap"}. */
    static Optional<Long> heapUsedBytes(String scrape) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(HEAP_METRIC) || !line.contains("area=\"heap\"")) {
                continue;
            }
            int labelsEnd = line.lastIndexOf('}');
            String[] rest = line.substring(labelsEnd + 1).trim().split("\\s+");
            try {
                sum += Double.parseDouble(rest[0]);
                found = true;
            } catch (NumberFormatException e) {
                // not a sample line; skip it
            }
        }
        return found ? Optional.of((long) sum) : Optional.empty();
    }
}
