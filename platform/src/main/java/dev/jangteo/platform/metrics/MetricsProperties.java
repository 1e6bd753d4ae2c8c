package dev.jangteo.platform.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** How often the gauges that take a query are recomputed ({@link MetricsRefresher}). */
@ConfigurationProperties("jangteo.metrics")
public record MetricsProperties(Duration refreshInterval) {

    public MetricsProperties {
        if (refreshInterval == null || refreshInterval.isNegative() || refreshInterval.isZero()) {
            refreshInterval = Duration.ofSeconds(15);
        }
    }
}
