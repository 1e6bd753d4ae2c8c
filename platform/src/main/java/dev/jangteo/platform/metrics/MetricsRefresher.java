package dev.jangteo.platform.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Refreshes every {@link RefreshedMetrics} on one thread, once at start and then every
 * {@code jangteo.metrics.refresh-interval}. Started last, after the event processors, so the first values describe
 * running processors.
 */
@Component
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetricsRefresher.class);

    private final List<RefreshedMetrics> metrics;
    private final MetricsProperties properties;
    private ScheduledExecutorService executor;

    MetricsRefresher(List<RefreshedMetrics> metrics, MetricsProperties properties) {
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("metrics-refresh").factory());
        executor.scheduleWithFixedDelay(this::refreshAll, 0, properties.refreshInterval().toMillis(),
                                        TimeUnit.MILLISECONDS);
    }

    private void refreshAll() {
        for (RefreshedMetrics each : metrics) {
            try {
                each.refresh();
            } catch (RuntimeException e) {
                // A store that does not answer: the gauges keep their last values, its own alerts tell the rest.
                log.warn("Could not refresh the metrics of {}: {}", each.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
