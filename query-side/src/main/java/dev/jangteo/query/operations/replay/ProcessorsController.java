package dev.jangteo.query.operations.replay;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.query.config.SegmentBalancer;
import dev.jangteo.query.operations.replay.verify.VerifiedReplay;
import dev.jangteo.query.operations.replay.verify.Verification;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Operators watch the processing groups, replay one (whole, or from a moment), verify that a replay builds exactly
 * the live read model ({@link VerifiedReplay}), and split or merge a group's segments (Axon's own split and merge:
 * a group made before its {@code initial-segment-count} was raised keeps the segments it has until split).
 */
@RestController
class ProcessorsController {

    private final EventProcessingConfiguration processing;
    private final ProcessorStatuses statuses;
    private final Replays replays;
    private final VerifiedReplay verifiedReplay;
    private final SegmentBalancer balancer;
    private final ProcessorStream stream;

    ProcessorsController(EventProcessingConfiguration processing, ProcessorStatuses statuses, Replays replays,
                         VerifiedReplay verifiedReplay, SegmentBalancer balancer, ProcessorStream stream) {
        this.processing = processing;
        this.statuses = statuses;
        this.replays = replays;
        this.verifiedReplay = verifiedReplay;
        this.balancer = balancer;
        this.stream = stream;
    }

    record Processors(List<ProcessorStatus> processors) {
    }

    @GetMapping("/api/admin/processors")
    Processors all() {
        return new Processors(statuses.all());
    }

    /** The same, pushed as server-sent events every second ({@link ProcessorStream}). */
    @ProblemCodes("TOO_MANY_WATCHERS")
    @GetMapping(path = "/api/admin/processors/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.watch().orElseThrow(() -> ApiException.unavailable(
                "TOO_MANY_WATCHERS", ProcessorStream.MAX_WATCHERS + " streams are open on this instance already"));
    }

    @ProblemCodes("PROCESSOR_NOT_FOUND")
    @GetMapping("/api/admin/processors/{name}")
    ProcessorStatus status(@PathVariable String name) {
        return statuses.of(name).orElseThrow(() -> unknown(name));
    }

    @ProblemCodes({"PROCESSOR_NOT_FOUND", "REPLAY_NOT_SUPPORTED", "REPLAY_FROM_NOT_SUPPORTED", "PROCESSOR_BUSY"})
    @PostMapping("/api/admin/processors/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> replay(@PathVariable String name, @RequestParam(required = false) String from) {
        Instant fromTime = from == null ? null : instant(from);
        long start = replays.replay(processor(name), fromTime);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("processor", name);
        answer.put("state", "REPLAYING");
        answer.put("from", fromTime);
        answer.put("afterPosition", start);
        return answer;
    }

    @ProblemCodes({"PROCESSOR_NOT_FOUND", "VERIFY_NOT_SUPPORTED", "PROCESSOR_BUSY"})
    @PostMapping("/api/admin/processors/{name}/verify-replay")
    Verification verify(@PathVariable String name) {
        return verifiedReplay.verify(processor(name));
    }

    /** Splits {@code segment} of the group in two; its events are then shared by the two halves. */
    @ProblemCodes({"PROCESSOR_NOT_FOUND", "PROCESSOR_BUSY", "SEGMENT_NOT_CHANGED"})
    @PostMapping("/api/admin/processors/{name}/segments/{segment}/split")
    ProcessorStatus split(@PathVariable String name, @PathVariable int segment) {
        return change(name, "split", processor -> processor.splitSegment(segment));
    }

    /** Merges {@code segment} with the other half it was split from. */
    @ProblemCodes({"PROCESSOR_NOT_FOUND", "PROCESSOR_BUSY", "SEGMENT_NOT_CHANGED"})
    @PostMapping("/api/admin/processors/{name}/segments/{segment}/merge")
    ProcessorStatus merge(@PathVariable String name, @PathVariable int segment) {
        return change(name, "merge", processor -> processor.mergeSegment(segment));
    }

    /**
     * Axon splits or merges only segments this instance holds or can claim: the other instances let go of the
     * group's segments meanwhile ({@link SegmentBalancer#takeAll}).
     */
    private ProcessorStatus change(String name, String what,
                                   Function<StreamingEventProcessor, CompletableFuture<Boolean>> change) {
        StreamingEventProcessor processor = processor(name);
        if (!balancer.takeAll(processor)) {
            throw ApiException.conflict("PROCESSOR_BUSY", "Processor " + name + " is being reset elsewhere");
        }
        try {
            if (!change.apply(processor).get(30, TimeUnit.SECONDS)) {
                throw ApiException.conflict("SEGMENT_NOT_CHANGED", "Axon did not " + what + " the segment (unknown, "
                        + "claimed elsewhere, or without a sibling to merge with)");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw ApiException.conflict("SEGMENT_NOT_CHANGED", "Could not " + what + " the segment: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            balancer.release(processor);
        }
        return statuses.of(name).orElseThrow(() -> unknown(name));
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() -> unknown(name));
    }

    private static ApiException unknown(String name) {
        return ApiException.notFound("PROCESSOR_NOT_FOUND", "No processor " + name);
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("from must be an ISO-8601 instant such as 2026-11-21T10:15:30Z, not '"
                                               + value + "'");
        }
    }
}
