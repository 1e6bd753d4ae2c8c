package dev.jangteo.query.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * How far a processing group has got, segment by segment. The committed token in the token store is the truth every
 * instance shares; this instance's own processor status is consulted too, because a pooled processor stores its
 * token only after a batch it handles (or every few seconds), while its status also advances past events the group
 * has no handler for. Both only move after the read model's transaction committed.
 */
@Component
class ProcessingProgress {

    private final StoredTokens storedTokens;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    ProcessingProgress(StoredTokens storedTokens, ObjectProvider<EventProcessingConfiguration> processing) {
        this.storedTokens = storedTokens;
        this.processing = processing;
    }

    /** Where the group stands: covered when every segment has passed {@code position}; -1 before any event. */
    record Progress(boolean covers, long processed) {
    }

    Progress of(String group, long position) {
        Map<Integer, TrackingToken> stored = storedTokens.of(group);
        Map<Integer, EventTrackerStatus> local = localStatus(group);
        if (stored.isEmpty()) {
            return new Progress(false, -1);
        }
        boolean covers = true;
        long processed = Long.MAX_VALUE;
        for (Map.Entry<Integer, TrackingToken> segment : stored.entrySet()) {
            EventTrackerStatus status = local.get(segment.getKey());
            TrackingToken localToken = status == null ? null : status.getTrackingToken();
            covers &= TokenPositions.covers(segment.getValue(), position)
                    || TokenPositions.covers(localToken, position);
            processed = Math.min(processed, Math.max(TokenPositions.reached(segment.getValue()),
                                                     TokenPositions.reached(localToken)));
        }
        return new Progress(covers, processed);
    }

    private Map<Integer, EventTrackerStatus> localStatus(String group) {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null) {
            return Map.of();
        }
        return configuration.eventProcessor(group, StreamingEventProcessor.class)
                            .map(StreamingEventProcessor::processingStatus)
                            .orElse(Map.of());
    }
}
