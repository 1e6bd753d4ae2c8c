package dev.jangteo.query.operations.deadletter;

import dev.jangteo.platform.security.ActingUser;
import dev.jangteo.platform.web.ProblemCodes;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Operators inspect the dead-letter queues, retry a group's letters once the cause is fixed, and evict a letter that
 * can never apply (recorded with the operator, the ADMIN token's subject, in {@code query_side.dead_letter_eviction}).
 */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record Queues(List<DeadLetterView.Queue> groups) {
    }

    @GetMapping("/api/admin/dead-letters")
    Queues all() {
        return new Queues(deadLetters.all());
    }

    @ProblemCodes("PROCESSOR_NOT_FOUND")
    @PostMapping("/api/admin/dead-letters/{group}/retry")
    DeadLetterView.Retry retry(@PathVariable String group) {
        return deadLetters.retry(group);
    }

    @ProblemCodes({"PROCESSOR_NOT_FOUND", "DEAD_LETTER_NOT_FOUND"})
    @DeleteMapping("/api/admin/dead-letters/{group}/{letterId}")
    DeadLetterView.Eviction evict(@PathVariable String group, @PathVariable String letterId) {
        return deadLetters.evict(group, letterId, ActingUser.subject());
    }
}
