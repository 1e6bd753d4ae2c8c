package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import org.awaitility.core.ConditionTimeoutException;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operator API of the query side: processors, replays, verified replays; and the seal chain's check. */
final class Operators {

    private Operators() {
    }

    static JsonNode processors(URI query) {
        Answer answer = Http.get(query.resolve("/api/admin/processors"));
        assertThat(answer.status()).as("processors: %s", answer.body()).isEqualTo(200);
        return answer.body().get("processors");
    }

    static List<String> names(URI query) {
        List<String> names = new ArrayList<>();
        processors(query).forEach(processor -> names.add(processor.get("name").asText()));
        return names;
    }

    /** Waits until every processor runs, replays nothing, and has reached the head of the event store. */
    static void awaitCaughtUp(URI query) {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                for (JsonNode processor : processors(query)) {
                    if (!caughtUp(processor)) {
                        return false;
                    }
                }
                return true;
            });
        } catch (ConditionTimeoutException timeout) {
            List<JsonNode> behind = new ArrayList<>();
            processors(query).forEach(processor -> {
                if (!caughtUp(processor)) {
                    behind.add(processor);
                }
            });
            throw new AssertionError("Processors not caught up within 120 s: " + behind, timeout);
        }
    }

    private static boolean caughtUp(JsonNode processor) {
        boolean segmentsCaughtUp = true;
        for (JsonNode segment : processor.get("segments")) {
            segmentsCaughtUp &= segment.get("caughtUp").asBoolean();
        }
        return processor.get("running").asBoolean() && !processor.get("replaying").asBoolean()
                && processor.get("lagEvents").asLong() == 0 && segmentsCaughtUp;
    }

    static Answer replay(URI query, String processor, String parameters) {
        return Http.post(query.resolve("/api/admin/processors/" + processor + "/replay" + parameters), "");
    }

    static JsonNode verify(URI query, String processor) {
        Answer answer = Http.post(query.resolve("/api/admin/processors/" + processor + "/verify-replay"), "");
        assertThat(answer.status()).as("verify %s: %s", processor, answer.body()).isEqualTo(200);
        return answer.body();
    }

    /**
     * Waits until the stack's seal chain reaches the head of its event store, as the query side tells the head to
     * every processor's status, then verifies the whole chain.
     */
    static JsonNode verifySealChain(Stack stack) {
        long head = processors(stack.query()).get(0).get("head").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
               .until(() -> Shop.get(stack.query(), "/api/audit/seal").path("sealedPosition").asLong() >= head);
        return Shop.get(stack.query(), "/api/audit/verify");
    }
}
