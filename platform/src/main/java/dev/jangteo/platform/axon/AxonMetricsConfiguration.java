package dev.jangteo.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Function;

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
        return new WithoutProcessorCapacity(meterRegistry);
    }

    /**
     * Event processors get Axon's timer, latency and counting meters, but not its capacity meter: that one keeps an
     * entry for every event handled in the last minute (a sliding time window), which at replay speed (tens of
     * thousands of events a second per group) filled a 1 GB heap and stalled a million-event replay in full GCs.
     */
    static final class WithoutProcessorCapacity extends GlobalMetricRegistry {

        WithoutProcessorCapacity(MeterRegistry registry) {
            super(registry);
        }

        @Override
        public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
                String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
            return new MultiMessageMonitor<>(List.of(
                    MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                    EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(getRegistry())
                                                .tagsBuilder(latencyTags).build(),
                    MessageCountingMonitor.buildMonitor(name, getRegistry(), tags)));
        }
    }

    @Bean
    public MetricsConfigurerModule axonMetrics(GlobalMetricRegistry axonMetricRegistry) {
        return new MetricsConfigurerModule(axonMetricRegistry, true);
    }
}
