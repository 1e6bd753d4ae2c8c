package dev.jangteo.query.operations.replay;

import dev.jangteo.platform.metrics.ProcessorGauges;
import dev.jangteo.platform.metrics.RefreshedMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What {@code GET /api/admin/processors} answers ({@link ProcessorStatuses}), as gauges per processing group: lag in
 * events and in seconds, running, failing, replaying, and how far a replay has got.
 */
@Component
class ProcessingGroupMetrics implements RefreshedMetrics {

    private final ProcessorStatuses statuses;
    private final ProcessorGauges gauges;

    ProcessingGroupMetrics(ProcessorStatuses statuses, MeterRegistry meters) {
        this.statuses = statuses;
        this.gauges = new ProcessorGauges(meters);
    }

    @Override
    public void refresh() {
        gauges.set(statuses.all().stream().map(ProcessingGroupMetrics::reading).toList());
    }

    private static ProcessorGauges.Reading reading(ProcessorStatus status) {
        return new ProcessorGauges.Reading(
                status.name(), status.lagEvents(), status.lagSeconds(), status.running(),
                status.error() || status.segments().stream().anyMatch(ProcessorStatus.Segment::error),
                status.replaying(), status.replay() == null ? 1.0 : status.replay().percent() / 100.0);
    }
}
