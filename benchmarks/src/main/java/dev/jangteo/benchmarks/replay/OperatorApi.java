package dev.jangteo.benchmarks.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.benchmarks.http.BenchException;
import dev.jangteo.benchmarks.http.BenchTokens;
import dev.jangteo.benchmarks.http.JsonExchange;
import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The query side's operator API: processors, replays, verified replays, dead letters. */
final class OperatorApi implements AutoCloseable {

    private static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(30);
    /** Generous: a query side busy replaying (or collecting garbage) answers slowly, and a run should report that. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = JsonHttp.newClient();
    private final String queryUrl;

    OperatorApi(String queryUrl) {
        this.queryUrl = queryUrl;
    }

    List<JsonNode> processors() {
        List<JsonNode> processors = new ArrayList<>();
        call("GET", "/api/admin/processors", TIMEOUT).path("processors").forEach(processors::add);
        return processors;
    }

    List<String> names() {
        return processors().stream().map(processor -> processor.path("name").asText()).toList();
    }

    /** The highest global index of the event store, as the processors see it. */
    long head() {
        return processors().stream().mapToLong(processor -> processor.path("head").asLong()).max().orElse(-1);
    }

    /** Whether every one of {@code groups} runs, is not replaying and has reached the head. */
    boolean caughtUp(Collection<String> groups) {
        for (JsonNode processor : processors()) {
            if (!groups.contains(processor.path("name").asText())) {
                continue;
            }
            boolean segmentsCaughtUp = !processor.path("segments").isEmpty();
            for (JsonNode segment : processor.path("segments")) {
                segmentsCaughtUp &= segment.path("caughtUp").asBoolean();
            }
            if (!processor.path("running").asBoolean() || processor.path("replaying").asBoolean()
                    || processor.path("lagEvents").asLong() != 0 || !segmentsCaughtUp) {
                return false;
            }
        }
        return true;
    }

    void replay(String group) {
        call("POST", "/api/admin/processors/" + group + "/replay", TIMEOUT);
    }

    JsonNode verify(String group) {
        return call("POST", "/api/admin/processors/" + group + "/verify-replay", VERIFY_TIMEOUT);
    }

    long deadLetters() {
        long letters = 0;
        for (JsonNode group : call("GET", "/api/admin/dead-letters", TIMEOUT).path("groups")) {
            letters += group.path("letters").asLong();
        }
        return letters;
    }

    private JsonNode call(String method, String path, Duration timeout) {
        Answer answer = JsonExchange.send(http, HttpRequest.newBuilder(URI.create(queryUrl + path))
                .timeout(timeout).header("Authorization", BenchTokens.bearer(BenchTokens.admin()))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
        if (answer.status() >= 300) {
            throw new BenchException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    @Override
    public void close() {
        http.close();
    }
}
