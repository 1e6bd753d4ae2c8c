package dev.jangteo.platform.metrics;

/**
 * Gauges whose values take a query (the database, Redis, Elasticsearch) to compute. A scrape must stay cheap and must
 * not pile load on a store that is already slow, so {@link MetricsRefresher} computes them on a schedule and the
 * gauges read what the last refresh left in memory.
 */
public interface RefreshedMetrics {

    /** Recomputes the values; a failure leaves the previous ones and is logged by the refresher. */
    void refresh();
}
