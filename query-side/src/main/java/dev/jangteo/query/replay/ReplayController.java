package dev.jangteo.query.replay;

import dev.jangteo.platform.web.ApiException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Operators replay a projection: the processor stops, its tokens go back to the start (its {@code @ResetHandler}
 * clears or replaces its store), and it starts again, rebuilding from the events. Its status shows the replay's
 * progress.
 */
@RestController
class ReplayController {

    private final EventProcessingConfiguration processing;

    ReplayController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    record Segment(int segment, boolean caughtUp, boolean replaying, boolean error, Long position) {

        static Segment of(int segment, EventTrackerStatus status) {
            return new Segment(segment, ReplayProgress.caughtUp(status), ReplayProgress.replaying(status),
                               status.isErrorState(),
                               status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong()
                                                                       : null);
        }
    }

    record ProcessorStatus(String name, boolean running, boolean replaying, List<Segment> segments) {

        static ProcessorStatus of(StreamingEventProcessor processor) {
            List<Segment> segments = processor.processingStatus().entrySet().stream()
                                              .map(entry -> Segment.of(entry.getKey(), entry.getValue()))
                                              .toList();
            return new ProcessorStatus(processor.getName(), processor.isRunning(),
                                       segments.stream().anyMatch(Segment::replaying), segments);
        }
    }

    @GetMapping("/api/admin/processors/{name}")
    ProcessorStatus status(@PathVariable String name) {
        return ProcessorStatus.of(processor(name));
    }

    @PostMapping("/api/admin/processors/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> replay(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw ApiException.conflict("REPLAY_NOT_SUPPORTED", "Processor " + name + " cannot replay");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (IllegalStateException e) {
            throw ApiException.conflict("PROCESSOR_BUSY", "Processor " + name + " is still claimed elsewhere: "
                    + e.getMessage());
        } finally {
            processor.start();
        }
        return Map.of("processor", name, "state", "REPLAYING");
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                         .orElseThrow(() -> ApiException.notFound("PROCESSOR_NOT_FOUND", "No processor " + name));
    }
}
