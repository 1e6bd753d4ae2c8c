package dev.jangteo.query.replay;

import dev.jangteo.platform.metrics.GaugesByTag;
import dev.jangteo.platform.metrics.RefreshedMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * What {@code GET /api/admin/processors} answers ({@link ProcessorStatuses}), as gauges per processing group
 * ({@code group} tag): lag in events and in seconds, running, failing, replaying, and how far a replay has got.
 */
@Component
class ProcessingGroupMetrics implements RefreshedMetrics {

    private final ProcessorStatuses statuses;
    private final List<Metric> metrics;

    private record Metric(GaugesByTag gauges, ToDoubleFunction<ProcessorStatus> value) {
    }

    ProcessingGroupMetrics(ProcessorStatuses statuses, MeterRegistry meters) {
        this.statuses = statuses;
        this.metrics = List.of(
                metric(meters, "jangteo.processor.lag.events", "Events in the store the group has not processed yet",
                       ProcessorStatus::lagEvents),
                metric(meters, "jangteo.processor.lag.seconds",
                       "How much older the group's position is than the head of the store (NaN: unknown)",
                       status -> status.lagSeconds() == null ? Double.NaN : status.lagSeconds()),
                metric(meters, "jangteo.processor.running", "1 while the group's processor runs on this instance",
                       status -> flag(status.running())),
                metric(meters, "jangteo.processor.error", "1 while the group's processor or one of its segments fails",
                       status -> flag(status.error() || status.segments().stream()
                                                                .anyMatch(ProcessorStatus.Segment::error))),
                metric(meters, "jangteo.processor.replaying", "1 while the group replays",
                       status -> flag(status.replaying())),
                metric(meters, "jangteo.processor.replay.progress.ratio",
                       "How far the replay started on this instance has got, 0 to 1 (1 when no replay runs)",
                       status -> status.replay() == null ? 1.0 : status.replay().percent() / 100.0));
    }

    @Override
    public void refresh() {
        List<ProcessorStatus> all = statuses.all();
        for (Metric metric : metrics) {
            Map<String, Double> values = new TreeMap<>();
            all.forEach(status -> values.put(status.name(), metric.value().applyAsDouble(status)));
            metric.gauges().set(values);
        }
    }

    private static Metric metric(MeterRegistry meters, String name, String description,
                                 ToDoubleFunction<ProcessorStatus> value) {
        return new Metric(new GaugesByTag(meters, name, "group", description), value);
    }

    private static double flag(boolean value) {
        return value ? 1 : 0;
    }
}
