package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the tests. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
                                                       .version(HttpClient.Version.HTTP_1_1)
                                                       .connectTimeout(Duration.ofSeconds(5))
                                                       .build();

    record Response(int status, String contentType, JsonNode body) {

        String code() {
            return body.path("code").asText(null);
        }
    }

    private Http() {
    }

    static Response post(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri)
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Response post(URI uri, Object body) {
        try {
            return post(uri, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    static Response put(URI uri, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri)
                                   .header("Content-Type", "application/json")
                                   .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response delete(URI uri) {
        return send(HttpRequest.newBuilder(uri).DELETE());
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                                                        HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(),
                                response.headers().firstValue("Content-Type").orElse(""),
                                body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
