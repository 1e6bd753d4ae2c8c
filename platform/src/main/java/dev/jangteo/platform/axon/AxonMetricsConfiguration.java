package dev.jangteo.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's command bus, event store and event processor meters (counts, timers, capacity, processor latency) in
 * Spring Boot's registry, with dimensions as tags. Axon's own auto-configuration is excluded in application.yml:
 * it orders itself against Spring Boot 3's metrics classes and, under Boot 4, would add a second, private
 * SimpleMeterRegistry instead of using Boot's.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMetricsConfiguration {

    @Bean
    public GlobalMetricRegistry axonMetricRegistry(MeterRegistry meterRegistry) {
        return new GlobalMetricRegistry(meterRegistry);
    }

    @Bean
    public MetricsConfigurerModule axonMetrics(GlobalMetricRegistry axonMetricRegistry) {
        return new MetricsConfigurerModule(axonMetricRegistry, true);
    }
}
