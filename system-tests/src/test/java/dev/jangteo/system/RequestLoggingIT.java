package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.JsonHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Logs an operator can follow: both apps echo the request's correlation id, the command side stamps it on the
 * command's events, and its log lines are JSON carrying that id and the acting user; a slow request logs one line
 * (the threshold is 0 here, so every request is slow).
 */
class RequestLoggingIT {

    private static final String HEADER = "X-Correlation-Id";

    @RegisterExtension
    static final StackExtension stack = new StackExtension("logging", 1,
                                                           "--jangteo.logging.slow-request-threshold=0ms");

    @Test
    void canFollowOneRequestFromItsAnswerToItsEventsAndLogLines() {
        String correlationId = "it-" + UUID.randomUUID();
        String userId = Shop.unique("logged");

        Wire.Reply opened = Wire.post(stack.command().resolve("/api/accounts")).header(HEADER, correlationId)
                                .json(Map.of("userId", userId, "email", userId + "@example.com", "name", "Logged"))
                                .send();

        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        assertThat(opened.headers().first(HEADER)).isEqualTo(correlationId);
        // Tracing is off unless configured (TracingIT turns it on): no trace named, none stored with the events.
        assertThat(opened.headers().first("X-Trace-Id")).isNull();
        await().untilAsserted(() -> assertThat(
                Shop.get(stack.query(), "/api/audit/aggregates/" + userId + "/events").path("items").get(0)
                    .path("metadata").path("correlationId").asText()).isEqualTo(correlationId));
        assertThat(Shop.get(stack.query(), "/api/audit/aggregates/" + userId + "/events").path("items").get(0)
                       .path("metadata").has("traceparent")).isFalse();
        JsonNode slow = logLines().stream()
                                  .filter(line -> line.path("message").asText()
                                                      .startsWith("Slow request: POST /api/accounts answered 201"))
                                  .filter(line -> line.path("correlationId").asText().equals(correlationId))
                                  .findFirst().orElseThrow(() -> new AssertionError("no slow-request line for "
                                                                                            + correlationId));
        assertThat(slow.path("actingUser").asText()).isEqualTo(userId);
        assertThat(slow.path("log").path("level").asText()).isEqualTo("WARN");
    }

    @Test
    void canEchoTheCorrelationIdOnTheQuerySideToo() {
        String correlationId = "it-" + UUID.randomUUID();

        Wire.Reply answer = Wire.request("GET", stack.query().resolve("/api/rankings/products"))
                                .header(HEADER, correlationId).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().first(HEADER)).isEqualTo(correlationId);
    }

    @Test
    void canReplaceACorrelationIdThatIsNoId() {
        for (String bad : List.of("x".repeat(129), "")) {
            Wire.Reply answer = Wire.request("GET", stack.query().resolve("/api/rankings/products"))
                                    .header(HEADER, bad).send();

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers().first(HEADER)).as("for %s", bad).isNotBlank().isNotEqualTo(bad);
        }
    }

    /** The command side's log so far, one JSON object per line (lines that are not JSON, such as a banner, left out). */
    private static List<JsonNode> logLines() {
        return stack.get().commandSideLog(0).lines().filter(line -> line.startsWith("{")).map(line -> {
            try {
                return JsonHttp.JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
