package dev.jangteo.command.config;

import dev.jangteo.platform.eventstore.EventStoreHead;
import dev.jangteo.platform.metrics.ProcessorGauges;
import dev.jangteo.platform.metrics.RefreshedMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The saga processors' lag, running and error state as the {@code jangteo.processor.*} gauges of the query side's
 * groups. The command side has no admin endpoint and no shared view of the token table, so it reports the segments
 * this instance processes; a group whose segments another instance holds is reported by that one.
 */
@Component
class SagaProcessorMetrics implements RefreshedMetrics {

    private final EventProcessingConfiguration processing;
    private final EventStoreHead store;
    private final ProcessorGauges gauges;

    SagaProcessorMetrics(EventProcessingConfiguration processing, EventStoreHead store, MeterRegistry meters) {
        this.processing = processing;
        this.store = store;
        this.gauges = new ProcessorGauges(meters);
    }

    @Override
    public void refresh() {
        long head = store.head();
        List<ProcessorGauges.Reading> readings = new ArrayList<>();
        for (var processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && !streaming.processingStatus().isEmpty()) {
                Collection<EventTrackerStatus> segments = streaming.processingStatus().values();
                long position = segments.stream()
                                        .map(EventTrackerStatus::getCurrentPosition)
                                        .mapToLong(current -> current.isPresent() ? current.getAsLong() : -1)
                                        .min().orElse(-1);
                boolean error = streaming.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
                readings.add(new ProcessorGauges.Reading(streaming.getName(), Math.max(0, head - position),
                                                         store.lagSeconds(position, head), streaming.isRunning(),
                                                         error, false, 1.0));
            }
        }
        gauges.set(readings);
    }
}
