package dev.jangteo.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the tests. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
                                                       .version(HttpClient.Version.HTTP_1_1)
                                                       .connectTimeout(Duration.ofSeconds(5))
                                                       .build();

    public record Response(int status, HttpHeaders headers, JsonNode body) {

        public String contentType() {
            return header("Content-Type");
        }

        public String code() {
            return body.path("code").asText(null);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A read that waits for the projections to reach {@code position}, as a client holding a command's token. */
    public Response get(String path, long position) {
        return get(path, "X-Consistency-Token", Long.toString(position));
    }

    public Response post(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header(header, value).GET());
    }

    /** The body as text, asking for {@code accept} (an NDJSON export, for one). */
    public String text(String path, String accept) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(base.resolve(path))
                                                                   .header("Accept", accept)
                                                                   .timeout(Duration.ofSeconds(30))
                                                                   .GET()
                                                                   .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                                                        HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), response.headers(),
                                body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
