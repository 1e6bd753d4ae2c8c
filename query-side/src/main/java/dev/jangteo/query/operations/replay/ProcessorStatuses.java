package dev.jangteo.query.operations.replay;

import dev.jangteo.platform.eventstore.EventStoreHead;
import dev.jangteo.query.consistency.StoredTokens;
import dev.jangteo.query.consistency.TokenPositions;
import dev.jangteo.query.readmodel.ReplayProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Builds what operators see of the processing groups. The token table is what every instance shares (claims,
 * committed positions); this instance's processor status adds what it alone knows (caught up, replaying, errors)
 * and is more recent for the segments it processes.
 */
@Component
class ProcessorStatuses {

    private final EventProcessingConfiguration processing;
    private final StoredTokens storedTokens;
    private final EventStoreHead store;
    private final ReplayRates rates;
    private final JdbcClient jdbc;

    ProcessorStatuses(EventProcessingConfiguration processing, StoredTokens storedTokens, EventStoreHead store,
                      ReplayRates rates, JdbcClient jdbc) {
        this.processing = processing;
        this.storedTokens = storedTokens;
        this.store = store;
        this.rates = rates;
        this.jdbc = jdbc;
    }

    List<ProcessorStatus> all() {
        long head = store.head();
        return processing.eventProcessors().values().stream()
                         .filter(StreamingEventProcessor.class::isInstance)
                         .map(processor -> of((StreamingEventProcessor) processor, head))
                         .sorted(java.util.Comparator.comparing(ProcessorStatus::name))
                         .toList();
    }

    Optional<ProcessorStatus> of(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                         .map(processor -> of(processor, store.head()));
    }

    /** Whether this instance is replaying {@code group} now. */
    boolean replaying(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                         .map(processor -> processor.processingStatus().values().stream()
                                                    .anyMatch(ReplayProgress::replaying))
                         .orElse(false);
    }

    private ProcessorStatus of(StreamingEventProcessor processor, long head) {
        String name = processor.getName();
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        Map<Integer, TrackingToken> stored = storedTokens.of(name);
        Map<Integer, String> owners = owners(name);
        TreeSet<Integer> ids = new TreeSet<>(stored.keySet());
        ids.addAll(local.keySet());
        List<ProcessorStatus.Segment> segments = new ArrayList<>();
        for (int id : ids) {
            EventTrackerStatus status = local.get(id);
            long position = Math.max(TokenPositions.reached(stored.get(id)),
                                     status == null ? -1 : TokenPositions.reached(status.getTrackingToken()));
            segments.add(new ProcessorStatus.Segment(
                    id, owners.get(id), status != null, position,
                    status != null && ReplayProgress.caughtUp(status),
                    status != null && ReplayProgress.replaying(status),
                    status != null && status.isErrorState(),
                    status != null && status.getError() != null ? status.getError().toString() : null));
        }
        long position = segments.stream().mapToLong(ProcessorStatus.Segment::position).min().orElse(-1);
        boolean replaying = segments.stream().anyMatch(ProcessorStatus.Segment::replaying);
        return new ProcessorStatus(name, mode(processor), processor.isRunning(), processor.isError(), replaying,
                                   position, head, Math.max(0, head - position), store.lagSeconds(position, head),
                                   segments, replaying ? rates.progress(name, position, head).orElse(null) : null);
    }

    private Map<Integer, String> owners(String name) {
        Map<Integer, String> owners = new HashMap<>();
        jdbc.sql("SELECT segment, owner FROM query_side.token_entry WHERE processor_name = ?")
            .param(name)
            .query(row -> {
                owners.put(row.getInt("segment"), row.getString("owner"));
            });
        return owners;
    }

    private static String mode(StreamingEventProcessor processor) {
        if (processor instanceof TrackingEventProcessor) {
            return "tracking";
        }
        return processor instanceof PooledStreamingEventProcessor ? "pooled" : processor.getClass().getSimpleName();
    }
}
