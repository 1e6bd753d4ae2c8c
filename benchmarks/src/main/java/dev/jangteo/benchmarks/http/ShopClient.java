package dev.jangteo.benchmarks.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The commerce endpoints the order benchmark uses: JSON in, status and JSON out; I/O failures as BenchException. */
public final class ShopClient implements AutoCloseable {

    /** An answer: HTTP status and body (a missing node when empty). */
    public record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder()
                                              .version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(5))
                                              .build();
    private final ObjectMapper json = new ObjectMapper();
    private final String commandUrl;
    private final String queryUrl;
    private final Duration timeout;

    public ShopClient(String commandUrl, String queryUrl, Duration timeout) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.timeout = timeout;
    }

    public Answer command(String path, Map<String, ?> body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(commandUrl + path))
                                   .header("Content-Type", "application/json")
                                   .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body, e);
        }
    }

    public Answer query(String path) {
        return send(HttpRequest.newBuilder(URI.create(queryUrl + path)).GET());
    }

    /** A setup step that must succeed with {@code status}; its body. */
    public JsonNode expect(int status, Answer answer, String what) {
        if (answer.status() != status) {
            throw new BenchException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).build(),
                                                      HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank()
                    ? json.missingNode() : json.readTree(body));
        } catch (IOException e) {
            throw new BenchException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
