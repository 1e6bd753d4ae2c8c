package dev.jangteo.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code jangteo.health}: 1 while a component of {@code /actuator/health} is UP, else 0, tagged with its name there
 * ({@code db}, {@code rankings} for Redis, {@code search} for Elasticsearch...), so alerts can tell which dependency
 * is unreachable without reading the health endpoint. A composite (several data sources) is UP when all its parts are.
 */
@Component
class HealthMetrics implements RefreshedMetrics {

    private final HealthContributorRegistry contributors;
    private final GaugesByTag up;

    HealthMetrics(HealthContributorRegistry contributors, MeterRegistry meters) {
        this.contributors = contributors;
        this.up = new GaugesByTag(meters, "jangteo.health", "component",
                                  "1 while the health component says UP, else 0");
    }

    @Override
    public void refresh() {
        Map<String, Integer> components = new TreeMap<>();
        contributors.stream().forEach(entry -> components.put(entry.name(), up(entry.contributor()) ? 1 : 0));
        up.set(components);
    }

    private static boolean up(HealthContributor contributor) {
        try {
            if (contributor instanceof CompositeHealthContributor composite) {
                return composite.stream().allMatch(part -> up(part.contributor()));
            }
            return contributor instanceof HealthIndicator indicator
                    && Status.UP.equals(indicator.health().getStatus());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
