package dev.jangteo.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code jangteo.health}: 1 while a health indicator of this app says UP, else 0, tagged with its component name as
 * {@code /actuator/health} shows it ({@code rankings} for Redis, {@code search} for Elasticsearch...), so alerts can
 * tell which dependency is unreachable without reading the health endpoint.
 */
@Component
class HealthMetrics implements RefreshedMetrics {

    private static final String SUFFIX = "HealthIndicator";

    private final Map<String, HealthIndicator> indicators;
    private final GaugesByTag up;

    HealthMetrics(Map<String, HealthIndicator> indicators, MeterRegistry meters) {
        this.indicators = indicators;
        this.up = new GaugesByTag(meters, "jangteo.health", "component",
                                  "1 while the health indicator of the component says UP, else 0");
    }

    @Override
    public void refresh() {
        Map<String, Integer> components = new TreeMap<>();
        indicators.forEach((name, indicator) -> components.put(component(name), up(indicator) ? 1 : 0));
        up.set(components);
    }

    private static boolean up(HealthIndicator indicator) {
        try {
            return Status.UP.equals(indicator.health().getStatus());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String component(String beanName) {
        return beanName.endsWith(SUFFIX) ? beanName.substring(0, beanName.length() - SUFFIX.length()) : beanName;
    }
}
