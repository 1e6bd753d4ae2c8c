package dev.jangteo.query.replay;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.query.replay.verify.VerifiedReplay;
import dev.jangteo.query.replay.verify.Verification;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operators watch the processing groups, replay one (whole, or from a moment), and verify that a replay builds
 * exactly the live read model ({@link VerifiedReplay}).
 */
@RestController
class ProcessorsController {

    private final EventProcessingConfiguration processing;
    private final ProcessorStatuses statuses;
    private final Replays replays;
    private final VerifiedReplay verifiedReplay;

    ProcessorsController(EventProcessingConfiguration processing, ProcessorStatuses statuses, Replays replays,
                         VerifiedReplay verifiedReplay) {
        this.processing = processing;
        this.statuses = statuses;
        this.replays = replays;
        this.verifiedReplay = verifiedReplay;
    }

    record Processors(List<ProcessorStatus> processors) {
    }

    @GetMapping("/api/admin/processors")
    Processors all() {
        return new Processors(statuses.all());
    }

    @GetMapping("/api/admin/processors/{name}")
    ProcessorStatus status(@PathVariable String name) {
        return statuses.of(name).orElseThrow(() -> unknown(name));
    }

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

    @PostMapping("/api/admin/processors/{name}/verify-replay")
    Verification verify(@PathVariable String name) {
        return verifiedReplay.verify(processor(name));
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
