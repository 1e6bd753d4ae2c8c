package dev.jangteo.query.deadletter;

import dev.jangteo.platform.web.ApiException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Operators inspect the dead-letter queues, retry a group's letters once the cause is fixed, and evict a letter that
 * can never apply (recorded with the acting user in {@code query_side.dead_letter_eviction}).
 */
@RestController
class DeadLetterController {

    private static final int MAX_USER_LENGTH = 64;

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

    @PostMapping("/api/admin/dead-letters/{group}/retry")
    DeadLetterView.Retry retry(@PathVariable String group) {
        return deadLetters.retry(group);
    }

    @DeleteMapping("/api/admin/dead-letters/{group}/{letterId}")
    DeadLetterView.Eviction evict(@PathVariable String group, @PathVariable String letterId,
                                  @RequestHeader(name = "X-Acting-User", required = false) String actingUser) {
        if (actingUser == null || actingUser.isBlank() || actingUser.length() > MAX_USER_LENGTH) {
            throw ApiException.invalid("An eviction needs the operator in X-Acting-User (1 to " + MAX_USER_LENGTH
                                               + " characters)");
        }
        return deadLetters.evict(group, letterId, actingUser.strip());
    }
}
